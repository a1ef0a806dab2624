"""Corpus mode: lines on many pages of one site are chrome."""
import json

from typer.testing import CliRunner

from mch_cli.cli import app
from mch_cli.article import line_key
from mch_cli.corpus import count_lines, recurring_lines
from mch_cli.pipeline import lines_of_pages
from mch_cli.read import iter_documents

BODY = [
    "市妇幼保健院近日启动新一轮儿童健康管理项目，覆盖全市十二个区县，受到家长们的普遍欢迎。",
    "项目实施以来，已有超过三万名儿童接受了免费体检，相关经验正在全省推广，效果十分明显。",
    "医院表示，下一步将继续完善服务网络，让更多家庭享受到优质便捷的妇幼健康服务和保障。",
    "专家指出，儿童早期发展关系到一生的健康，家长应当按时带孩子参加体检并接种疫苗。",
]


def _site(tmp_path, pages=4):
    for n in range(pages):
        body = BODY[n:] + BODY[:n]
        text = "\n".join([f"第{n + 1}期 健康新闻标题示例", body[0], body[1],
                          "欢迎转发给身边的新手爸妈", body[2], body[3]])
        (tmp_path / f"p{n}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_recurring_line_found_once_per_page(tmp_path):
    site = _site(tmp_path)
    pages, total = count_lines(lines_of_pages(iter_documents([str(site)])))
    assert total == 4
    assert pages[line_key("欢迎转发给身边的新手爸妈")] == 4
    assert recurring_lines(pages, total) == {
        line_key("欢迎转发给身边的新手爸妈"): 4,
        **{line_key(b): 4 for b in BODY}}


def test_corpus_mode_removes_chrome_and_keeps_prose_and_titles(tmp_path):
    site = _site(tmp_path)
    runner = CliRunner()
    plain = [json.loads(x) for x in runner.invoke(app, ["clean", str(site), "-f", "jsonl"]).stdout.splitlines()]
    assert all("欢迎转发" in rec["text"] for rec in plain)  # alone, a page cannot tell
    r = runner.invoke(app, ["clean", str(site), "-f", "jsonl", "--corpus", "--explain"])
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.exit_code == 0 and len(recs) == 4
    for n, rec in enumerate(recs):
        assert "欢迎转发" not in rec["text"]
        assert rec["text"].count("。") == 4  # the prose is there although it recurs too
        assert rec["title"] == f"第{n + 1}期 健康新闻标题示例"
        assert any(x["reason"] == "on 4 pages of the corpus" for x in rec["removed"])
    again = runner.invoke(app, ["clean", str(site), "-f", "jsonl", "--corpus", "--explain"])
    assert again.stdout == r.stdout


def test_corpus_min_pages(tmp_path):
    site = _site(tmp_path)
    r = CliRunner().invoke(app, ["clean", str(site), "-f", "jsonl", "--corpus", "--corpus-min-pages", "5"])
    assert all("欢迎转发" in json.loads(x)["text"] for x in r.stdout.splitlines())


def test_corpus_mode_refuses_stdin():
    r = CliRunner().invoke(app, ["clean", "-", "--corpus"], input="x")
    assert r.exit_code == 2 and "stdin" in r.stderr


def test_explain_lists_the_deciding_features():
    from .conftest import SEEDS
    r = CliRunner().invoke(app, ["clean", str(SEEDS / "001_519edece9128d60e.txt"), "-f", "jsonl", "--explain"])
    menu = next(x for x in json.loads(r.stdout)["removed"] if x["line"] == 4)
    assert menu["reason"].endswith("menu: 15 short items")
    assert menu["features"]["class"] == "bad" and menu["features"]["items"] == 15
