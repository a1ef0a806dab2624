"""`mch align`: Chinese–English translation pairs from bilingual pages, and none from the rest."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mch_cli.align import pairs, translation_score, units
from mch_cli.cli import app

from .conftest import SEEDS

runner = CliRunner()
PAGES = Path(__file__).parent / "fixtures" / "align"
SEED_004 = SEEDS / "004_3fa1216b693b88b9.txt"


def _pairs(name):
    return pairs((PAGES / name).read_text(encoding="utf-8"))


def test_seed_004_line_8_is_the_one_pair():
    (pair,) = pairs(SEED_004.read_text(encoding="utf-8"))   # lines 17, 18 carry "Previous post:"
    assert pair.lines == (8,)
    assert pair.zh.startswith("月29日,受市卫生健康委") and pair.zh.endswith("工作人员。")
    assert pair.en.startswith("On November 29, entrusted") and pair.en.endswith("selected by our city.")


def test_interleaved_lines_title_paragraphs_and_footer():
    found = _pairs("interleaved_lines.txt")
    assert [p.lines for p in found] == [(3, 4), (7, 9), (11, 13), (15, 17), (19, 20)]
    assert (found[0].zh, found[0].en) == ("市妇幼保健院启动儿童健康管理项目",
                                          "Municipal MCH Hospital launches child health management project")
    assert "3万名" in found[2].zh and "30,000" in found[2].en                  # 3万 = 30,000


def test_pairs_inside_lines_in_either_order():
    found = _pairs("inline_pairs.txt")
    assert [p.lines for p in found] == [(2,), (3,), (4,), (5,)]              # line 1 is too short
    assert found[2].zh == "该院2023年共培训助产士120名，是2022年的两倍。"          # English came first
    assert found[2].en == "The hospital trained 120 midwives in 2023, twice as many as in 2022."
    assert "H5" in found[3].zh and "H5" in found[3].en


@pytest.mark.parametrize("name", ["no_pairs_menu.txt", "no_pairs_unrelated.txt"])
def test_pages_without_translations_give_no_pairs(name):
    assert _pairs(name) == []


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt") if not p.name.startswith("004")))
def test_monolingual_seeds_give_no_pairs(seed):
    assert pairs((SEEDS / seed).read_text(encoding="utf-8")) == []


ZH = "该指南建议，婴儿出生后6个月内应纯母乳喂养。"
EN = "The guidelines recommend exclusive breastfeeding for the first 6 months of life."


@pytest.mark.parametrize("zh, en, fits", [
    (ZH, EN, True),
    (ZH, EN.replace("6", "12"), False),                                   # numbers differ
    (ZH, "The guidelines recommend breastfeeding.", False),                # far too short
    (ZH, " ".join([EN] * 3), False),                                     # far too long, three sentences
    ("会议于2024年3月5日在北京召开，共有来自全国的代表出席。",
     "The meeting was held in Beijing on March 5, 2024, with delegates from across the country.", True),
    ("项目实施以来，已有超过1.2万名儿童接受了免费体检。",
     "Since the project began, more than 12,000 children have received free check-ups.", True),
    ("世卫组织（WHO）发布最新版母乳喂养指南，建议纯母乳喂养。",
     "The UNICEF report recommends exclusive breastfeeding for young infants.", False),   # WHO missing
    ("淄博市委第五巡回指导组莅临市妇幼保健院调研",
     "Previous post: Zibo Municipal Party Committee Guidance Group Visits the Hospital", False),
    ("【责任编辑：张三】新闻中心编辑部", "Share this article on WeChat now", False),
    ("首页 | 新闻中心 | 关于我们 | 联系我们", "Home | News Centre | About Us | Contact Us", False),  # menus
    ("专家提醒：孕期应定期产检，合理膳食，适量运动。",
     "Experts remind: pregnant women should have regular check-ups, eat well and exercise moderately.", True),
])
def test_translation_score(zh, en, fits):
    assert (translation_score(zh, en) is not None) == fits


def test_a_unit_fitting_both_neighbours_goes_to_the_better_fit():
    text = ("Hospital staff attended the training session on Monday\n"
            "全院医护人员参加了周一的培训课程并进行了考核\n"
            "All medical staff of the hospital attended Monday's training course and took an exam\n")
    (pair,) = pairs(text)
    assert pair.lines == (2, 3)


def test_units_split_mixed_lines():
    got = [(u.lang, u.line) for u in units("中文标题\n\n" + SEED_004.read_text(encoding="utf-8").splitlines()[7])]
    assert got == [("zh", 1), ("zh", 3), ("en", 3)]


# --- the command ----------------------------------------------------------------------------------

def align(*args, **kw):
    return runner.invoke(app, ["align", *map(str, args)], **kw)


def test_tsv_is_zh_tab_en():
    r = align(PAGES / "inline_pairs.txt")
    assert r.exit_code == 0 and r.stderr == ""
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    assert len(rows) == 4 and all(len(row) == 2 for row in rows)
    assert rows[0] == ["世界卫生组织发布新版母乳喂养指南。",
                       "The World Health Organization has released new guidelines on breastfeeding."]


def test_jsonl_has_path_zh_en_lines_for_every_page_of_a_directory():
    r = align(PAGES, SEED_004, "--format", "jsonl")
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert all(set(rec) == {"path", "zh", "en", "lines"} for rec in recs)
    assert [(Path(rec["path"]).name, rec["lines"]) for rec in recs] == [
        ("inline_pairs.txt", [2]), ("inline_pairs.txt", [3]), ("inline_pairs.txt", [4]),
        ("inline_pairs.txt", [5]), ("interleaved_lines.txt", [3, 4]), ("interleaved_lines.txt", [7, 9]),
        ("interleaved_lines.txt", [11, 13]), ("interleaved_lines.txt", [15, 17]),
        ("interleaved_lines.txt", [19, 20]), ("pinyin_lines.txt", [1, 3]), ("pinyin_lines.txt", [4, 6]),
        (SEED_004.name, [8])]
    assert recs[0]["path"] == f"{PAGES}/inline_pairs.txt"


def test_stdin_and_a_bad_input_among_good_ones(tmp_path):
    r = align("-", input=(PAGES / "inline_pairs.txt").read_bytes())
    assert len(r.stdout.splitlines()) == 4
    missing = tmp_path / "missing.txt"
    r = align(missing, SEED_004)
    assert r.exit_code == 1 and r.stderr == f"mch: {missing}: No such file or directory\n"
    assert r.stdout.startswith("月29日") and len(r.stdout.splitlines()) == 1


def test_help_has_examples():
    r = align("--help")
    assert r.exit_code == 0 and "Examples" in r.stdout


def test_pinyin_is_never_a_side_of_a_pair():
    """Issue 19, 9: pinyin lines were English units, paired with the Chinese line above them and
    pushing its English translation one line off."""
    found = pairs((PAGES / "pinyin_lines.txt").read_text(encoding="utf-8"))
    assert [(p.zh, p.lines) for p in found] == [("市妇幼保健院举办第12期孕妇学校讲座", (1, 3)),
                                                  ("讲座吸引了一百多名准妈妈和家属参加。", (4, 6))]
    assert [p.en for p in found] == [
        "Municipal MCH Hospital holds the 12th session of its school for pregnant women",
        "More than one hundred expectant mothers and their families attended the lecture."]
