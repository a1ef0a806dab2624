"""The five founding pages: every field and every line's label exactly as in the seed gold."""
import pytest

from mch_cli import Options, clean_bytes
from mch_cli.article import KEPT_LABELS

from .conftest import SEEDS, seed_cases

CASES = seed_cases()


def _clean(gold):
    data = (SEEDS / gold["file"]).read_bytes()
    return clean_bytes(data, f"seeds/{gold['file']}", Options())


def _labels(article):
    got = {}
    if article.title_line:
        got[str(article.title_line)] = "title"
    for p in article.paragraphs:
        for n in p.lines:
            got[str(n)] = p.kind
    for line in article.removed:
        got[str(line.number)] = line.label
    return got


def test_five_seeds_are_present():
    assert len(CASES) == 5
    assert all((SEEDS / g["file"]).is_file() for g in CASES)


@pytest.mark.parametrize("gold", CASES, ids=[g["file"] for g in CASES])
def test_seed_text_and_fields(gold):
    article = _clean(gold)
    assert article.text == gold["text"]
    for field in ("title", "date", "author", "source", "lang"):
        assert getattr(article, field) == gold[field], field


@pytest.mark.parametrize("gold", CASES, ids=[g["file"] for g in CASES])
def test_seed_line_labels(gold):
    assert _labels(_clean(gold)) == gold["labels"]


@pytest.mark.parametrize("gold", CASES, ids=[g["file"] for g in CASES])
def test_every_non_empty_line_accounted_once(gold):
    article = _clean(gold)
    raw = (SEEDS / gold["file"]).read_text(encoding="utf-8").splitlines()
    non_empty = [n for n, line in enumerate(raw, 1) if line.strip()]
    seen = ([article.title_line] if article.title_line else []) \
        + [n for p in article.paragraphs for n in p.lines] \
        + [x.number for x in article.removed]
    assert sorted(seen) == non_empty
    assert all(x.label not in KEPT_LABELS and x.reason for x in article.removed)


def test_seed_000_dateline_feeds_author_but_paragraph_stays_whole():
    gold = next(g for g in CASES if g["file"].startswith("000"))
    article = _clean(gold)
    assert article.author == "Ye Xiaomin" and article.source == "Tianshan.com"
    assert article.paragraphs[0].text.startswith("Tianshan News (Reporter Ye Xiaomin reported) On June 24")
    assert len(article.captions) == 2


def test_seed_001_editor_and_datetime():
    gold = next(g for g in CASES if g["file"].startswith("001"))
    article = _clean(gold)
    assert article.editor == "陈颖"
    assert article.datetime == "2025-10-27T15:01:11"
    assert [p.text for p in article.paragraphs if p.kind == "heading"] == ["多维赋能优生育", "山海和鸣结硕果"]


def test_seed_004_is_mixed_with_a_mixed_paragraph():
    gold = next(g for g in CASES if g["file"].startswith("004"))
    article = _clean(gold)
    assert article.lang == "mixed"
    assert 0.10 <= article.langs["zh"] < 0.5
    assert article.paragraphs[0].lang == "mixed"
    assert {p.lang for p in article.paragraphs[1:]} == {"en"}
