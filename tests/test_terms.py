"""The bilingual glossary and `mch terms`: one concept for its Chinese and English terms."""
import json
import re
from collections import Counter

import pytest
from typer.testing import CliRunner

from mch_cli import segment as S
from mch_cli import terms as T
from mch_cli.cli import app

from .conftest import SEEDS

runner = CliRunner()


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


@pytest.fixture(scope="module")
def gl():
    return T.default_glossary()


@pytest.fixture(scope="module")
def seg():
    return S.segmenter()


def found(gl, seg, text):
    return [(cid, form) for cid, form, _, _ in gl.find(text, seg)]


def test_glossary_is_well_formed():
    concepts = T.glossary()
    assert len(concepts) >= 150
    assert len({c.id for c in concepts}) == len(concepts)
    assert all(re.fullmatch(r"[a-z0-9_]+", c.id) and c.zh and c.en for c in concepts)
    zh = Counter(t for c in concepts for t in c.zh)
    en = Counter(t.lower() for c in concepts for t in c.en)
    assert [t for t, n in zh.items() if n > 1] == [] and [t for t, n in en.items() if n > 1] == []


def test_every_chinese_term_is_a_token_of_its_own(seg):
    assert [t for c in T.glossary() for t in c.zh if seg.cut(t) != [t]] == []


def test_chinese_and_english_terms_merge_under_one_concept(gl, seg):
    text = "全国孕产妇死亡率持续下降。The maternal mortality ratio fell; maternal mortality rates too."
    assert found(gl, seg, text) == [("maternal_mortality", "孕产妇死亡率"),
                                    ("maternal_mortality", "maternal mortality ratio"),
                                    ("maternal_mortality", "maternal mortality rates")]


def test_the_longest_term_wins(gl, seg):
    assert found(gl, seg, "高危孕产妇和孕产妇") == [("high_risk_pregnancy", "高危孕产妇"),
                                                ("pregnant_postpartum_women", "孕产妇")]
    assert found(gl, seg, "the maternal and child health hospital") == [
        ("mch_hospital", "maternal and child health hospital")]


def test_chinese_terms_only_on_word_boundaries(gl, seg):
    assert found(gl, seg, "父母婴儿用品") == []           # 父母/婴儿, not 母婴
    assert found(gl, seg, "记者问及生产时的情况") == []    # 生产/时, not 产时
    assert ("maternal_infant", "母婴") in found(gl, seg, "母婴用品")


def test_english_variants(gl, seg):
    assert found(gl, seg, "High risk pregnancy, high-risk pregnancies; newborns and Newborn babies") == [
        ("high_risk_pregnancy", "high risk pregnancy"), ("high_risk_pregnancy", "high-risk pregnancies"),
        ("newborn", "newborns"), ("newborn", "newborn babies")]
    assert found(gl, seg, "women’s  health") == [("womens_health", "women's health")]
    assert found(gl, seg, "hand, foot and mouth disease (HFMD)") == [("hfmd", "hand, foot and mouth disease"),
                                                                      ("hfmd", "HFMD")]


def test_acronyms_only_in_capitals(gl, seg):
    assert found(gl, seg, "The fund aids clinics. AIDS and HIV/AIDS; the nhc, the NHC") == [
        ("hiv_aids", "AIDS"), ("hiv_aids", "HIV/AIDS"), ("national_health_commission", "NHC")]


def test_traditional_terms_are_found_in_their_own_characters(gl, seg):
    assert found(gl, seg, "香港孕產婦死亡率低，新生兒篩查普及") == [
        ("maternal_mortality", "孕產婦死亡率"), ("newborn_screening", "新生兒篩查")]


def test_terms_over_the_seeds_corpus():
    r = run("terms", SEEDS, "-f", "jsonl")
    assert r.exit_code == 0 and r.stderr == ""
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    by_id = {rec["concept"]: rec for rec in recs}
    hospital = by_id["mch_hospital"]
    assert hospital["zh"] == "妇幼保健院" and hospital["en"] == "maternal and child health hospital"
    assert hospital["forms"]["妇幼保健院"] >= 1 and hospital["forms"]["maternal and child health hospital"] >= 1
    assert hospital["count"] == sum(hospital["forms"].values()) and 1 < hospital["docs"] <= 5
    assert [rec["count"] for rec in recs] == sorted((rec["count"] for rec in recs), reverse=True)


def test_terms_text_table_and_per_document():
    r = run("terms", SEEDS / "001_519edece9128d60e.txt")
    head, *rows = r.stdout.splitlines()
    assert head.split() == ["count", "docs", "concept", "zh", "en", "found"]
    assert any("optimized_birth_policy" in row and "优化生育政策" in row for row in rows)
    r = run("terms", SEEDS, "--per-doc", "-f", "jsonl")
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(recs) == 5 and all(set(rec) == {"path", "title", "concepts"} for rec in recs)
    assert all("docs" not in c for rec in recs for c in rec["concepts"])


def test_terms_of_a_traditional_page(tmp_path):
    page = tmp_path / "hk.txt"
    page.write_text("衛生署推廣母乳餵養\n衛生署家庭健康服務為孕產婦及新生兒提供產前檢查和產後訪視，"
                    "並推廣母乳餵養，保障母嬰健康，預防出生缺陷。\n", encoding="utf-8")
    recs = [json.loads(line) for line in run("terms", page, "-f", "jsonl").stdout.splitlines()]
    forms = {rec["concept"]: rec["forms"] for rec in recs}
    assert forms["breastfeeding"] == {"母乳餵養": 2} and forms["prenatal_care"] == {"產前檢查": 1}
    assert "birth_defects" in forms and "newborn" in forms


def test_terms_bad_input_goes_on(tmp_path):
    r = run("terms", tmp_path / "missing.txt", SEEDS / "001_519edece9128d60e.txt")
    assert r.exit_code == 1 and r.stderr.startswith("mch: ") and "mch_hospital" in r.stdout


# --- issue 19, 8: English terms are looked for in Latin text only, as one regex would find them --

def _one_regex(gl, text):
    """What find_en found before issue 19: one regex of all the terms over the whole text."""
    regex = re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(f"({T._en_pattern(t)})" for t in gl._en_terms)
                       + r")(?![A-Za-z0-9])")
    out = []
    for m in regex.finditer(text):
        term = gl._en_terms[m.lastindex - 1]
        form = re.sub(r"\s+", " ", m.group()).replace("’", "'")
        out.append((gl._en_ids[m.lastindex - 1], form if T._is_acronym(term) else form.lower(), m.start(), m.end()))
    return out


def test_the_english_matcher_never_scans_han_text(gl, monkeypatch):
    """A regex of 660 terms ran over Chinese text: `mch stats` took 30 times `mch clean`."""
    seen = []

    class Spy:
        def __init__(self, regex):
            self.regex = regex

        def search(self, string, *args):
            seen.append(string)
            return self.regex.search(string, *args)

        def match(self, string, *args):
            seen.append(string)
            return self.regex.match(string, *args)

    monkeypatch.setattr(T, "_TERM_START", Spy(T._TERM_START))
    starting = {c: (Spy(regex), terms) for c, (regex, terms) in gl._en_starting.items()}
    monkeypatch.setattr(gl, "_en_starting", starting)
    text = "国家卫生健康委员会（National Health Commission, NHC）发布孕产妇死亡率（maternal mortality ratio）。" * 3
    assert [form for _, form, _, _ in gl.find_en(text)] == ["national health commission", "NHC",
                                                            "maternal mortality ratio"] * 3
    assert seen and not any(T._HAN.search(s) for s in seen)


def test_the_english_matcher_finds_what_one_regex_of_all_terms_finds(gl):
    import random

    rnd = random.Random(19)
    pieces = gl._en_terms + ["妇幼", "，", "。", " ", "-", "’", "'", "s", "x9", "é", "\u3000", "ＭＣＨ", "ſ", "\u212a", "İ", "ı"]
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) if rnd.random() < 0.6 else rnd.choice(pieces).upper()
                       for _ in range(rnd.randint(1, 10)))
        assert gl.find_en(text) == _one_regex(gl, text), text
    page = (SEEDS / "004_3fa1216b693b88b9.txt").read_text(encoding="utf-8")
    assert gl.find_en(page) == _one_regex(gl, page) != []
