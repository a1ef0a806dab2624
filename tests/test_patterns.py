"""Literal gates (patterns.Matcher): a pattern tried only on lines holding one of its literals
finds exactly what trying every pattern on every line finds."""
import re
from pathlib import Path

import pytest

from mch_cli.patterns import (CASE_TRAPS, alternatives, builtin_patterns, matcher, parse_patterns,
                              required_literals)
from mch_cli.pipeline import split_lines
from mch_cli.script import simplified

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def every_character() -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def plain_match(text: str, tokens: int, patterns):
    """What Matcher.match stands for: every pattern in turn."""
    text = simplified(text)
    return next((p for p in patterns if (not p.max_tokens or tokens <= p.max_tokens)
                 and p.regex.search(text)), None)


def test_case_traps_are_every_non_ascii_match_of_ascii(every_character):
    ascii_class = re.compile("[" + re.escape("".join(map(chr, range(128)))) + "]", re.I)
    found = {c for c in ascii_class.findall(every_character) if not c.isascii()}
    assert found == set(CASE_TRAPS)


def test_non_ascii_literal_characters_match_only_themselves(every_character):
    chars = {c for p in builtin_patterns() for _, literals in alternatives(p.regex)
             for s in literals for c in s if not c.isascii()}
    assert chars
    for c in chars:
        assert re.findall(re.escape(c), every_character, re.I) == [c]


def test_every_builtin_pattern_has_a_gate():
    assert all(literals for p in builtin_patterns() for _, literals in alternatives(p.regex))


def test_alternatives_are_tried_apart():
    (one,) = alternatives(re.compile(r"(a)|\1b"))  # a backreference: whole
    assert one[0].pattern == r"(a)|\1b"
    pieces = alternatives(re.compile(r"^图为|\bphoto(graph)?\s*by\b|x*", re.I))
    assert [literals for _, literals in pieces] == [{"图为"}, {"photo"}, None]
    assert [bool(rx.search("PHOTOGRAPH BY X")) for rx, _ in pieces] == [False, True, True]


def test_literals_read_off_the_regex():
    lit = lambda rx: required_literals(re.compile(rx, re.I))  # noqa: E731
    assert lit(r"^(?:版权所有|Copyright)\s*©?") == {"版权所有", "copyright"}
    assert lit(r"\bphoto(graph)?\s*(by|credit)\b") == {"photo"}
    assert lit(r"^[a-z]+\d*$") is None          # no literal: always tried
    assert lit(r"(?:share|)\s*now?") == {"no"}  # an empty branch gives nothing; "no" is needed
    assert lit(r"x{0,3}y") == {"y"}
    # fixed items in a row read as one: "/ic" where "ic" alone is in every "public"
    assert lit(r"/(?:cfp|ic|视觉中国)$") == {"/cfp", "/ic", "/视觉中国"}
    assert lit(r"(?:图片|图)\s*[:：]") == {"图片", "图"}  # (white space between: no longer fixed)
    assert lit(r"图[:：]") == {"图:", "图："}


CASES = ["İmage: Reuters", "ſhare this", "PHOTO BY JOHN", "Sign In", "版權所有 © 2024", "評論 (3)",
         "上一篇：关于", "Kookie policy", "cooKie settings", "   ", "Read more", "图/新华社",
         "Comments are closed", "", "a" * 50, "abc", "abd", "图：新华社", "x/cfp", "地图 public", "(记者 摄)"]


@pytest.mark.parametrize("extra", [(), ("boilerplate\t-\t0\tmine\t^\\d+ views?$",),
                                   ("caption\t-\t0\tany\t(?i)x|",),
                                   ("meta\t-\t0\tref\t(ab)c|\\1d",)])
def test_gated_match_is_plain_match(extra):
    patterns = parse_patterns("\n".join(extra)) + builtin_patterns()
    texts = CASES + [line.text for p in sorted(SEEDS.glob("*.txt"))
                     for line in split_lines(p.read_text(encoding="utf-8"))]
    m = matcher(patterns)
    for text in texts:
        for tokens in (1, 15, 100):
            assert m.match(text, tokens) is plain_match(text, tokens, patterns), text
    for tokens in (1, 15, 100):  # a page at once, with and without a line that defeats the gates
        for page in (texts, [t for t in texts if not any(c in t for c in CASE_TRAPS)],
                     ["a\nb", "版权\n所有"]):
            assert m.match_lines(page, [tokens] * len(page)) == [
                plain_match(text, tokens, patterns) for text in page]
    from mch_cli.patterns import _LINES_A_PASS  # a page of several passes, traps in each
    big = texts * (_LINES_A_PASS // len(texts) + 2)
    assert m.match_lines(big, [15] * len(big)) == [plain_match(text, 15, patterns) for text in big]


@pytest.mark.parametrize("row, problem", [
    ("boilerplate\t-\tabc\tmy reason\tfoo", "third column 'abc': expected a number of tokens (0: any)"),
    ("boilerplate\tlast\t0\tmy reason\tfoo", "second column 'last': expected end, list, thread, bio or -"),
    ("boilerplate\t-\t0\tmy reason\tfoo(", "bad regex: missing ), unterminated subpattern at position 3"),
    ("boilerplate\t-", "expected label<TAB>end<TAB>max_tokens<TAB>reason<TAB>regex"),
])
def test_a_bad_patterns_file_names_its_line_once(tmp_path, row, problem):
    """Issue 19, 4: "invalid literal for int()" with no line, and the file's name twice."""
    from typer.testing import CliRunner

    from mch_cli.cli import app

    p = tmp_path / "mine.tsv"
    p.write_text(f"# my patterns\n{row}\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["clean", "seeds", "--patterns", str(p)])
    assert (r.exit_code, r.stdout, r.stderr) == (2, "", f"mch: {p}:2: {problem}\n")
