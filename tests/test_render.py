"""The human view (issue 8): mch show (--explain, --segment, --html, --pager), mch stats, the
progress bar and the colour rules — Rich's recording console for the renderings, real
pseudo-terminals (script(1), else Python's pty) for colour on a terminal and none elsewhere."""
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mch_cli import Options, clean_bytes
from mch_cli.cli import app
from mch_cli.pipeline import read_lines
from mch_cli.article import Document
from mch_cli import render
from mch_cli.stats import CorpusStats, reason_group

from .conftest import ROOT, SEEDS

runner = CliRunner()
SEED_FILES = sorted(SEEDS.glob("*.txt"))
SEED_001 = SEEDS / "001_519edece9128d60e.txt"
SEED_004 = SEEDS / "004_3fa1216b693b88b9.txt"
_BIN = Path(sys.executable).parent / "mch"
MCH = [str(_BIN)] if _BIN.exists() else [sys.executable, "-m", "mch_cli"]
ANSI = "\x1b["

TRICKY = ("首页 | 新闻 | 健康 | 关于\n"
          "[red]妇幼保健院举办培训班[/red] 标题 [/b]\n\n"
          "来源：妇幼网 2024-05-01\n\n"
          "正文第一段，足够长的一段中文文字，里面有 [red]方括号[/red] 和 [/b] 也要原样显示出来。这是第二句话。\n"
          "<script>alert(1)</script> 第二段也是正文，讲述了培训班的内容和意义，参加人员来自各县区。\n"
          "[link=http://x]点我[/link]\n")


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def _article(path, **options):
    doc = Document(Path(path).read_bytes(), str(path))
    article = clean_bytes(doc.data, doc.path, Options(**options))
    return article, render.page_lines(article, read_lines(doc)[0])


def _recording(width=100):
    from rich.console import Console
    return Console(record=True, width=width, color_system="truecolor", force_terminal=True,
                   file=io.StringIO())


def _non_empty_lines(path):
    return [n for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1)
            if line.strip()]


# --- show: the renderings ----------------------------------------------------------------------

@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name[:3] for p in SEED_FILES])
def test_explain_lists_every_non_empty_line_once_with_what_became_of_it(path):
    article, page = _article(path)
    assert [x.number for x in page] == _non_empty_lines(path)
    assert sum(x.label == "title" for x in page) == (1 if article.title_line else 0)
    assert all(x.reason for x in page if not x.kept)
    assert {x.number for x in page if not x.kept} == {x.number for x in article.removed}
    # plain: one row per line, NUMBER  LABEL  text, a removed line ends with [reason]
    rows = render.plain_view(article, page).split("\n\n", 1)[1].splitlines()
    assert len(rows) == len(page)
    for row, x in zip(rows, page):
        number, label = row.split()[:2]
        assert (int(number), label) == (x.number, x.label)
        assert row.endswith(f"[{x.reason}]") == (not x.kept)


def test_explain_rich_view_dims_removed_lines_beside_their_reason():
    article, page = _article(SEED_001)
    console = _recording(180)
    console.print(render.rich_view(article, page))
    text = console.export_text(clear=False)
    assert "44 lines: 15 kept, 29 removed" in text
    menu = next(line for line in text.splitlines() if "飞卡阅读" in line)
    assert "boilerplate · outside article: menu: 15 short items" in menu
    assert "menu: 15 short items" in text and "editor line" in text
    assert re.search(r"多维赋能优生育\s+heading", text)
    # the removed line is dim, the kept one is not
    styled = console.export_text(styles=True)
    assert "\x1b[2m返回首页" in styled
    assert "\x1b[2m为深化医疗援疆" not in styled and "为深化医疗援疆" in styled


def test_mixed_page_marks_each_paragraph_with_its_language():
    article, page = _article(SEED_004)
    console = _recording()
    console.print(render.rich_view(article))
    text = console.export_text()
    assert re.search(r"^\[mixed\] 月29日", text, re.M) and re.search(r"^\[en\]\s+At present", text, re.M)
    assert "[en] At present" in render.plain_view(article)
    console.print(render.rich_view(article, page))
    assert re.search(r"body \[mixed\]", console.export_text())


def test_segment_makes_token_boundaries_visible():
    article, page = _article(SEED_001, segment=True)
    heading = next(p for p in article.paragraphs if p.kind == "heading")
    assert heading.tokens and len(heading.tokens) > 1
    plain = render.plain_view(article)
    assert "## " + "|".join(heading.tokens) in plain.splitlines()
    console = _recording()
    console.print(render.rich_view(article))
    styled = console.export_text(styles=True)
    first, second = heading.tokens[:2]
    # consecutive tokens get different styles: an escape code between them
    assert f"{first}\x1b[" in styled and second in styled
    line = next(x for x in page if x.label == "heading")
    assert [line.text[s:e] for s, e in line.tokens] == heading.tokens


def test_token_spans_skip_whitespace_and_stop_at_a_mismatch():
    assert render.token_spans("On Nov 29, 妇幼", ["On", "Nov", "29", ",", "妇幼"]) == \
        [(0, 2), (3, 6), (7, 9), (9, 10), (11, 13)]
    assert render.token_spans("abc def", ["abc", "xyz"]) == [(0, 3)]


def test_page_text_never_passes_through_markup(page, tmp_path):
    path = page(TRICKY)
    article, lines = _article(path)
    assert article.title == "[red]妇幼保健院举办培训班[/red] 标题 [/b]"
    console = _recording(160)
    console.print(render.rich_view(article))
    console.print(render.rich_view(article, lines))
    text = console.export_text()
    assert text.count("[red]妇幼保健院举办培训班[/red] 标题 [/b]") == 3  # panel ×2, title line
    assert "[red]方括号[/red] 和 [/b]" in text and "<script>alert(1)</script>" in text
    assert "[link=http://x]点我[/link]" in text
    r = run("show", path)
    assert r.stdout.startswith("[red]妇幼保健院举办培训班[/red] 标题 [/b]\n")
    out = tmp_path / "view.html"
    r = run("show", path, "--explain", "--html", out)
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "<title>[red]妇幼保健院举办培训班[/red] 标题 [/b]</title>" in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    visible = re.sub(r"<[^>]+>", "", html.split("<body>", 1)[1])
    assert "[red]妇幼保健院举办培训班[/red] 标题 [/b]" in visible
    assert "[red]方括号[/red]" in visible and "[link=http://x]点我[/link]" in visible


def test_show_html_is_a_self_contained_page_with_the_title(tmp_path):
    out = tmp_path / "a.html"
    r = run("show", SEED_001, "--html", out)
    assert r.exit_code == 0 and r.stdout.startswith("榕奇携手启新程")  # the view still goes to stdout
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<title>榕奇携手启新程 研修赋能优生育</title>" in html
    assert not re.search(r"<(script|link|img)\b|src=|https?://", html)  # nothing to fetch
    assert "color: #008080" in html  # styles inline
    assert '<span class="w">榕</span>' in html  # wide characters boxed two cells wide
    assert [p.name for p in tmp_path.iterdir()] == ["a.html"]  # no temporary left behind


def test_html_to_an_unwritable_place_fails_with_one_line(tmp_path):
    # checked before any work, as -o is: a usage error (issue 18)
    r = run("show", SEED_001, "--html", tmp_path / "no" / "such" / "dir.html")
    assert r.exit_code == 2 and r.stderr == f"mch: {tmp_path / 'no' / 'such' / 'dir.html'}: no directory {tmp_path / 'no' / 'such'}\n"
    assert r.stdout == ""


def test_show_explain_and_segment_through_the_cli():
    r = run("show", SEED_001, "--explain")
    assert r.exit_code == 0 and ANSI not in r.stdout
    assert re.search(r"^ 4  boilerplate  飞卡阅读 .*  \[outside article: menu: 15 short items\]$", r.stdout, re.M)
    assert re.search(r"^ 7  title        榕奇携手启新程 研修赋能优生育$", r.stdout, re.M)
    r = run("show", SEED_001, "--segment")
    assert "## 多维|赋能|优|生育" in r.stdout.splitlines()
    r = run("show", SEED_004, "--lang", "zh", "--explain")
    assert re.search(r"^10  boilerplate  At present.*\[language en \(--lang zh\)\]$", r.stdout, re.M)


def test_show_pager_in_a_pipe_is_plain_output():
    r = run("show", SEED_001, "--pager", env={"PAGER": "false"})
    assert r.exit_code == 0 and r.stdout.startswith("榕奇携手启新程")


def test_run_pager_pipes_the_text_to_the_pager(tmp_path, monkeypatch):
    out = tmp_path / "paged.txt"
    monkeypatch.setenv("MCH_PAGER", f"cat > {shlex.quote(str(out))}")
    monkeypatch.delenv("LESS", raising=False)
    render.run_pager("第一行\nsecond\n")
    assert out.read_text(encoding="utf-8") == "第一行\nsecond\n"


# --- colour rules ------------------------------------------------------------------------------

class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_color_wanted_only_on_a_terminal_without_no_color():
    assert render.color_wanted(_Tty(), env={})
    assert not render.color_wanted(io.StringIO(), env={})
    assert not render.color_wanted(_Tty(), env={"NO_COLOR": "1"})
    assert render.color_wanted(_Tty(), env={"NO_COLOR": ""})  # no-color.org: set and non-empty
    assert not render.color_wanted(_Tty(), no_color=True, env={})
    assert not render.color_wanted(_Tty(), env={"TERM": "dumb"})


def _in_pty(args, env=None, columns=100):
    """Run `args` with stdout and stderr on a real pseudo-terminal; what the terminal got."""
    env = {**_clean_env(), "COLUMNS": str(columns), "TERM": "xterm-256color", **(env or {})}
    if shutil.which("script"):
        r = subprocess.run(["script", "-qec", shlex.join(args), "/dev/null"], cwd=ROOT, env=env,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
        return r.returncode, r.stdout.decode("utf-8", "replace")
    import pty
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def _clean_env():
    return {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name[:3] for p in SEED_FILES])
def test_show_is_coloured_on_a_terminal_and_plain_under_no_color_and_in_a_pipe(path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    seed = str(path.relative_to(ROOT))
    code, tty = _in_pty(MCH + ["show", seed])
    assert code == 0 and ANSI in tty and "╭" in tty  # Rich: a title panel, in colour
    code, nocolor = _in_pty(MCH + ["show", seed], env={"NO_COLOR": "1"})
    assert code == 0 and "\x1b" not in nocolor
    piped = subprocess.run(MCH + ["show", seed], cwd=ROOT, capture_output=True, text=True,
                           env=_clean_env())
    assert piped.returncode == 0 and "\x1b" not in piped.stdout and piped.stderr == ""
    # under NO_COLOR the terminal gets the same plain text as the pipe (a pty writes \r\n)
    assert nocolor.replace("\r\n", "\n") == piped.stdout
    title = clean_bytes(path.read_bytes()).title
    assert piped.stdout.splitlines()[0] == title  # no wrapping in a pipe, however long
    assert title.split()[0] in tty


def test_no_color_flag_and_explain_on_a_terminal(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out = _in_pty(MCH + ["show", "seeds/001_519edece9128d60e.txt", "--explain", "--no-color"])
    assert code == 0 and "\x1b" not in out and "boilerplate  返回首页" in out
    code, out = _in_pty(MCH + ["show", "seeds/001_519edece9128d60e.txt", "--explain"])
    assert code == 0 and "\x1b[2m返回首页" in out and "title" in out


def test_pager_on_a_terminal_gets_the_coloured_view(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out = _in_pty(MCH + ["show", "seeds/002_e358708e9456e5f9.txt", "--pager"],
                        env={"MCH_PAGER": "cat"})
    assert code == 0 and ANSI in out and "CQHCWC" in out


def test_stats_on_a_terminal_is_coloured_with_bars(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out = _in_pty(MCH + ["stats", "seeds"])
    assert code == 0 and ANSI in out and "█" in out and "top MCH terms" in out
    code, out = _in_pty(MCH + ["stats", "seeds", "--no-color"])
    assert code == 0 and "\x1b" not in out and "█" in out


# --- stats -------------------------------------------------------------------------------------

def _seed_stats():
    st = CorpusStats()
    for p in SEED_FILES:
        st.add(clean_bytes(p.read_bytes(), str(p)))
    return st.to_dict()


def test_stats_summary_of_the_seeds():
    d = _seed_stats()
    assert d["documents"] == 5 and d["failed"] == 0
    assert d["languages"] == {"en": 3, "zh": 1, "mixed": 1}
    total = sum(len(_non_empty_lines(p)) for p in SEED_FILES)
    assert d["lines"]["total"] == total == d["lines"]["kept"] + d["lines"]["removed"]
    assert sum(d["lines"]["by_label"].values()) == total
    assert sum(r["lines"] for r in d["removed_by_reason"]) == d["lines"]["removed"]
    assert sum(v["lines"] for v in d["removed_by_label"].values()) == d["lines"]["removed"]
    assert d["lines"]["by_label"]["title"] == 5
    assert d["dates"] == {"first": "2019-12-02", "last": "2025-10-27", "dated": 5}
    assert 0 < d["chars"]["clean"] < d["chars"]["raw"]
    assert d["terms"][0]["concept"] and d["terms"][0]["count"] >= d["terms"][-1]["count"]
    assert any(t["zh"] == "妇幼保健院" for t in d["terms"])
    json.dumps(d)


def test_reasons_are_grouped_by_their_numbers():
    assert reason_group("outside article: menu: 15 short items") == "outside article: menu: N short items"
    assert reason_group("repeated 2x on page") == "repeated Nx on page"


def test_stats_cli_jsonl_is_one_object_and_text_has_bars(tmp_path):
    r = run("stats", SEEDS, "-f", "jsonl")
    assert r.exit_code == 0 and r.stderr == ""
    lines = r.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["documents"] == 5
    r = run("stats", SEEDS, "-k", "3")
    assert r.exit_code == 0 and ANSI not in r.stdout
    assert r.stdout.startswith("documents   5\n")
    terms = r.stdout.split("top MCH terms\n", 1)[1].splitlines()
    assert len(terms) == 3 and all("█" in t for t in terms)
    assert re.search(r"^  removed: boilerplate +\d+ +\d+% +█+", r.stdout, re.M)
    out = tmp_path / "stats.html"
    r = run("stats", SEEDS, "-f", "jsonl", "--html", out)
    assert r.exit_code == 0 and json.loads(r.stdout)["documents"] == 5
    html = out.read_text(encoding="utf-8")
    assert "<title>mch stats: 5 documents</title>" in html and "top MCH terms" in html


def test_stats_counts_failures_and_exits_1(page):
    bad = page(b"\x00\x01\x02binary\x00\x00", "bad.txt")
    r = run("stats", SEED_001, bad, "-f", "jsonl")
    assert r.exit_code == 1 and "binary data" in r.stderr
    assert json.loads(r.stdout)["failed"] == 1 and json.loads(r.stdout)["documents"] == 1


def test_bars_and_widths():
    assert render.bar(0, 10) == "" and render.bar(10, 10, 8) == "█" * 8
    assert render.bar(1, 1000, 8) == "▏"  # a sliver, never nothing
    assert render.bar(5, 10, 3) == "█▌"
    assert render._width("妇幼 ab") == 7


# --- progress ----------------------------------------------------------------------------------

def test_progress_off_a_terminal_yields_items_unchanged_and_draws_nothing():
    stream = io.StringIO()
    items = [object() for _ in range(5)]
    assert list(render.progress(iter(items), stream=stream, delay=0)) == items
    assert stream.getvalue() == ""


def test_progress_on_a_terminal_draws_only_after_the_delay():
    stream = _Tty()
    assert list(render.progress(range(50), label="cleaning", stream=stream, delay=0)) == list(range(50))
    assert "cleaning" in stream.getvalue()
    quick = _Tty()
    assert list(render.progress(range(50), stream=quick, delay=60)) == list(range(50))
    assert quick.getvalue() == ""  # a batch quicker than the delay never shows a bar


def test_progress_stays_away_when_results_stream_to_the_same_terminal():
    stream = _Tty()
    assert list(render.progress(range(5), stream=stream, streams_to=_Tty(), delay=0)) == list(range(5))
    assert stream.getvalue() == ""


def test_progress_restores_stderr_when_the_loop_ends_early():
    stream = _Tty()
    before = sys.stderr
    for i in render.progress(range(100), stream=stream, delay=0):
        if i == 3:
            break
    import gc
    gc.collect()
    assert sys.stderr is before


# --- the seeds through the CLI: every line accounted for -------------------------------------

def test_clean_explain_jsonl_accounts_for_every_non_empty_line_of_every_seed():
    r = run("clean", SEEDS, "--explain", "-f", "jsonl")
    assert r.exit_code == 0
    for rec in map(json.loads, r.stdout.splitlines()):
        seen = ([rec["title_line"]] if rec["title_line"] else []) \
            + [n for p in rec["paragraphs"] for n in p["lines"]] + [x["line"] for x in rec["removed"]]
        assert sorted(seen) == _non_empty_lines(rec["path"])
        assert all(x["label"] in ("meta", "caption", "boilerplate") and x["reason"] for x in rec["removed"])


# --- help and completion -----------------------------------------------------------------------

@pytest.mark.parametrize("command", ["show", "stats"])
def test_help_has_examples(command):
    r = run(command, "--help")
    assert r.exit_code == 0 and "Examples" in r.stdout and f"mch {command}" in r.stdout


def test_completion_script_is_printed():
    r = subprocess.run(MCH + ["--show-completion", "bash"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "complete" in r.stdout and "_MCH_COMPLETE" in r.stdout
    env = {**os.environ, "_MCH_COMPLETE": "complete_bash", "COMP_WORDS": "mch show --e", "COMP_CWORD": "2"}
    r = subprocess.run(MCH, capture_output=True, text=True, cwd=ROOT, env=env)
    assert r.stdout.split() == ["--explain"]
    env.update(COMP_WORDS="mch st", COMP_CWORD="1")
    assert subprocess.run(MCH, capture_output=True, text=True, cwd=ROOT, env=env).stdout.split() == ["stats"]


# --- issue 19, 10: Chinese wrapping and language shares in `mch show` ------------------------------

def _rendered(renderable, width):
    from rich.console import Console
    console = Console(record=True, width=width, force_terminal=True, color_system=None)
    console.print(renderable)
    return console.export_text(clear=True).splitlines()


def test_show_wraps_chinese_without_punctuation_at_a_line_start_or_a_bracket_at_its_end():
    """Rich folded a Chinese paragraph anywhere: `。` or `，` began lines, `（` ended them."""
    para = ("为进一步提升孕产妇和新生儿救治能力，我院于3月12日组织开展危重孕产妇急救演练（共120人参加）。"
            "演练结束后，专家进行了点评，指出了存在的问题；各科室表示，将认真整改、持续提升！") * 3
    article = clean_bytes(f"医院组织急救演练\n\n{para}\n".encode("utf-8"))
    assert article.paragraphs[0].text == para
    seen = 0
    for width in range(30, 71):
        lines = [line.strip() for line in _rendered(render.rich_view(article), width)]
        body = [line for line in lines if line and line[0] in para]
        assert "".join(body).replace(" ", "").endswith(para.replace(" ", "")[-30:])
        assert all(line[0] not in render.CLOSING and line[-1] not in render.OPENING for line in body), (width, body)
        seen += len(body)
    assert seen > 200


def test_wrap_offsets_move_a_character_down_with_its_punctuation():
    text = "为进一步提升孕产妇和新生儿救治能力，我院"
    assert render.wrap_offsets(text, 34) == [16]  # "力，" goes down together, not "，" alone
    assert render.wrap_offsets("The forum aims to promote cooperation", 16) == [15, 26]


def test_language_shares_of_0_percent_are_left_out():
    """`langs: zh 100%, en 0%` said nothing; with one share left the row goes (lang says it)."""
    from mch_cli.article import Article

    article = Article(path="p.txt", id="x", lang="zh", langs={"zh": 0.997, "en": 0.003})
    assert "langs" not in dict(render._meta_rows(article))
    article.langs = {"zh": 0.85, "en": 0.148, "fr": 0.002}
    assert dict(render._meta_rows(article))["langs"] == "zh 85%, en 15%"
