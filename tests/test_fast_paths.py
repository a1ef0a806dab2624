"""The fast paths of per-line helpers give what their plain definitions give."""
import re
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mch_cli import classify
from mch_cli import settings as config
from mch_cli.script import (HAN, URL_EMAIL_RE, count_han, han_counts, han_variants, latin_words, normalise,
                            simplified, without_urls)

VOCABULARY = han_variants().vocabulary

# Characters each fast path treats specially, and some ordinary ones.
ALPHABET = ("ab Zw.:/@_-|｜·•»›>→＞…\t\n\r\x0b\x0c\x1c\x85\u00a0\u2028\u3000\u200b\u200c\u200d"
            "\u2060\ufeffWWw中文國與，。！？；、,!?;" + "".join(map(chr, list(VOCABULARY)[:5])))
texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=40) | st.text(max_size=40)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_normalise(text):
    zero_width = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
    assert normalise(text) == re.sub(r"[\s\u00a0\u3000]+", " ", text.translate(zero_width)).strip()


def test_white_space_is_not_printable():
    # page_features' premise: a printable text holds no white space but the space
    import sys
    assert all(not c.isprintable() for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c != " ")


@settings(max_examples=500, deadline=None)
@given(texts | st.text(alphabet="12:：.-/、 \u3000aP中…", max_size=30))
def test_regexes_led_by_a_character(text):
    # a look-behind after the first character, as before it
    for led, lead, plain in ((classify._CLOCK, r"\d(?<![\d:]\d)\d?", r"(?<![\d:])\d{1,2}"),
                             (classify._NUMERIC_DATE, r"\d(?<![\d.]\d)\d?", r"(?<![\d.])\d{1,2}")):
        assert led.pattern.startswith(lead)
        before = re.compile(plain + led.pattern[len(lead):], led.flags)
        assert [m.span() for m in led.finditer(text)] == [m.span() for m in before.finditer(text)]
    assert classify._LONE_SEPARATOR.findall(text) == re.findall(r"(?<=\s)、(?=\s)", text)
    assert bool(classify._HEADER_HINT.search(text)) == bool(re.search(r"\d|[:：.…]$", text))
    from mch_cli.script import has_zero_width
    assert has_zero_width(text) == bool(re.search("[\u200b\u200c\u200d\u2060\ufeff]", text))


@settings(max_examples=500, deadline=None)
@given(texts)
def test_count_han_simplified_without_urls(text):
    assert count_han(text) == len(re.findall(f"[{HAN}]", text))
    assert simplified(text) == text.translate(VOCABULARY)
    assert without_urls(text) == URL_EMAIL_RE.sub(" ", text)


def test_han_by_utf16_high_byte():
    # han_counts' premise: outside U+4D00-U+4DFF, a character of the BMP is Han by its high byte
    from mch_cli.script import _HAN_HIGH_BYTES
    han = re.compile(f"[{HAN}]")
    every = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    assert [c for c in every if bool(han.match(c)) != (ord(c) >> 8 in _HAN_HIGH_BYTES)
            ] == [chr(c) for c in range(0x4D00, 0x4DC0)]
    # every character once, on lines of 250, by the fast path (the joint's block and U+4Dxx aside)
    fast = [c for c in every if ord(c) >> 8 not in (0x08, 0x4D)]
    lines = ["".join(fast[k: k + 250]) for k in range(0, len(fast), 250)]
    assert han_counts(lines) == [count_han(line) for line in lines]
    assert sum(han_counts(lines)) == len(han.findall("".join(fast)))


@settings(max_examples=500, deadline=None)
@given(st.lists(texts | st.sampled_from(["\u4d00中\u4dc0", "中\u0800文", "表情 🙂 中文", "\ud800中", ""]), max_size=8))
def test_han_counts(page):
    assert han_counts(page) == [count_han(text) for text in page]


@settings(max_examples=500, deadline=None)
@given(texts)
def test_line_features(text):
    f = classify.features(text)
    words = latin_words(text)
    split = (re.split(r"\s+|[|｜│·•»›>]+", text) if f.han >= len(words)
             else classify._ITEM_SPLIT.split(text))
    items = [i for i in split if i.strip()]
    spaced = (f.han >= len(words) and len(items) >= config.SPACED_MIN_CHARS  # "港 鐵 多 條": one headline
              and max(map(len, items)) == 1)
    assert f.items == (1 if spaced else len(items))
    crumbs = classify._BREADCRUMB
    assert f.breadcrumb == (len(crumbs.findall(text)) >= 2 and f.tokens <= 60
                            or bool(crumbs.search(text)) and f.items >= 2 and f.tokens <= 30)
    assert f.truncated == (bool(classify._TRUNCATED.search(text)) and len(
        classify.PROSE_PUNCT_RE.findall(classify._TRUNCATED.sub("", text))) <= 1)


@settings(max_examples=500, deadline=None)
@given(st.lists(texts | st.sampled_from(["港 鐵 多 條 路 綫 今 日", "Home | News | Sport", "A > B > C",
                                          "The end. 🙂", "他说：“好。”", "… the college entrance examinatio..."]),
                max_size=8))
def test_page_features(page):
    assert classify.page_features(page) == [classify.features(text) for text in page]
    # a huge page keeps no words, all else the same
    assert ([replace(f, latin=None) for f in classify.page_features(page)]
            == classify.page_features(page, keep_words=False))


@settings(max_examples=500, deadline=None)
@given(st.lists(texts.filter(lambda t: "\n" not in t) | st.sampled_from(["A > B > C", "a | b ｜ c │ d", "x … y…"]),
                min_size=1, max_size=8))
def test_line_marks(page):
    # what a regex keeping only the marks gives, line by line (page_features reads them in no order)
    kept = re.sub("[^" + re.escape(classify._MARKS) + "\n]+", "", "\n".join(page)).split("\n")
    assert list(map(sorted, classify._line_marks("\n".join(page), page))) == list(map(sorted, kept))


@settings(max_examples=200, deadline=None)
@given(st.lists(texts.filter(bool), max_size=12))
def test_page_features_a_block_at_a_time(page):
    # a big page's lines are joined a block at a time: the features of the page joined whole
    whole = classify.page_features(page)
    blocks = classify._LINES_A_BLOCK
    try:
        classify._LINES_A_BLOCK = 2
        assert classify.page_features(page) == whole
    finally:
        classify._LINES_A_BLOCK = blocks


def test_a_huge_page_cleans_the_same(monkeypatch):
    """A big page's paths, taken on small pages: each line's words not kept (the language step
    finds each paragraph's words itself; WORDS_KEPT_MAX_LINES), lines counted one by one rather
    than joined (JOINED_MAX_LINES), the text decoded and split a piece at a time
    (READ_PIECE_BYTES): the same article, byte for byte, explanations included."""
    from mch_cli import clean_text
    pages = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))]
    kept = [clean_text(page).to_dict(explain=True) for page in pages]
    monkeypatch.setattr(config, "WORDS_KEPT_MAX_LINES", 0)
    monkeypatch.setattr(config, "JOINED_MAX_LINES", 0)
    monkeypatch.setattr(config, "READ_PIECE_BYTES", 100)
    assert [clean_text(page).to_dict(explain=True) for page in pages] == kept


# Line ends of every kind, C1 controls (repaired as cp1252), an emoji, Chinese, zero-width.
PIECE_ALPHABET = "ab .\n\r\x0b\x0c\x1c\x85\u2028\x92\x80\u00e9中文，。\u200b\U0001f600"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(PIECE_ALPHABET), max_size=80), st.integers(1, 20))
def test_a_page_read_a_piece_at_a_time(text, size):
    # a big UTF-8 page is decoded and split a piece at a time: the lines of the page read whole
    from mch_cli import pipeline
    from mch_cli.article import Document
    from mch_cli.decode import DecodeError

    def read():
        try:
            return pipeline.read_lines(Document(text.encode("utf-8"), "p.txt"))
        except DecodeError as exc:  # (binary: refused either way)
            return str(exc)
    whole = read()
    piece_bytes = config.READ_PIECE_BYTES
    try:
        config.READ_PIECE_BYTES = size
        assert read() == whole
    finally:
        config.READ_PIECE_BYTES = piece_bytes


# Pieces of bylines and dates, joined at random.
PIECES = ["作者", "来源", "发表于", "Posted", "UPDATED", "by", "By", ":", "：", " ", "  ", "2021",
          "1999", "05", "-", "/", ".", "年", "五月", "二〇二一", "月", "日", "3", "days", "ago", "AGO",
          "小时", "前", "June", "\u017f", "\u212a", "x", "记者", "张三", "\n", "(", "（", "上海", "报道",
          "）", "本报", "通讯员", "written by", "Editor", "Sep", "ſep", "ſept", "十", "一", "〇", "BY", "Written", "記者", "撰稿",
          "12", "1st", "19", "20", "Jan", "mAY", "staff writer", "ſource", "reporter", "编辑", "报导", "a", "\u0130", "\u0131"]
bylines = st.lists(st.sampled_from(PIECES), max_size=12).map("".join) | texts


@settings(max_examples=1000, deadline=None)
@given(bylines)
def test_byline_gates(text):
    from mch_cli import meta
    assert meta._has_key(text) == bool(meta._KEY_RE.search(text))
    assert meta._byline_hint(text) == bool(meta._BYLINE_HINT.search(text))
    for form, worth_trying in zip(meta._DATE_FORMS, meta._forms_to_try(text)):
        if form.search(text):
            assert worth_trying
    if meta.AGO_RE.search(text):
        assert "前" in text or "ago" in text.lower()
    simple = simplified(text)
    if meta._REPORTER_RE.search(simple) or meta._NAME_PLACE_RE.search(simple):
        assert meta._REPORTER_WORD_RE.search(simple)
    assert bool(re.match(r"^(?:本报)?(?:记者|通讯员)", simple)) == simple.startswith(
        ("记者", "通讯员", "本报记者", "本报通讯员"))
    assert bool(meta._BYLINE_WORD_LED_RE.search(text)) == bool(meta._BYLINE_WORD_RE.search(text))
    assert bool(meta._MONTH_START.search(text)) == bool(
        re.search("jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", text, re.I))
    # the date forms led by what their matches start with, not by a look-behind or \b
    for form, lead, plain in zip(meta._DATE_FORMS[:4:2] + meta._DATE_FORMS[3:4], (
            r"(?P<y>(?:19|20)(?<!\d\d\d)\d{2})", r"(?P<d>\d(?<!\w\d)\d?)", r"(?P<a>\d(?<![A-Za-z\d/.-]\d)\d?)"), (
            r"(?<!\d)(?P<y>(?:19|20)\d{2})", r"\b(?P<d>\d{1,2})", r"(?<![A-Za-z\d/.-])(?P<a>\d{1,2})")):
        led = re.compile(form.pattern.replace(lead, plain), form.flags)
        assert led.pattern != form.pattern
        assert ([(m.span(), m.groupdict()) for m in form.finditer(text)]
                == [(m.span(), m.groupdict()) for m in led.finditer(text)])


@settings(max_examples=500, deadline=None)
@given(texts | st.text(alphabet="中文 Ab-'’ếé1", max_size=30))
def test_patterns_led_by_a_character_class(text):
    # "[x][x]*" is written for "[x]+" (re skips ahead to a character of the class)
    from mch_cli import lang, script
    from mch_cli.script import LATIN
    assert script.HAN_RUN_RE.findall(text) == re.findall(f"[{HAN}]+", text)
    assert script.LATIN_WORD_RE.findall(text) == re.findall(f"[{LATIN}]+(?:['’\\-][{LATIN}]+)*", text)
    assert lang._WORD_RE.findall(text) == re.findall(
        f"[{lang._LATIN}]+(?:['’\\-][{lang._LATIN}]+)*", text)


@settings(max_examples=500, deadline=None)
@given(texts | st.text(alphabet="1２(（一十①⑳ .、)）a-/:：\nAB onbyſBYİs!?Cd年日月JanSEPtue_3", max_size=14))
def test_line_start_and_end_gates(text):
    # the cheap tests in front of a regex, or instead of one
    assert text.endswith(classify._ANNOUNCES) == bool(re.search("[:：]$", text))
    if classify._LIST_ITEM.match(text) or classify._QUANTITY.match(text):
        assert text[:1].isdecimal() or text[:1] in classify._LIST_ITEM_FIRST
    if classify._NAME_ON_POST.match(text):
        assert " on " in text
    assert bool(classify._DAYISH.search(text)) == bool(classify._DAY_NUMBER.search(text)
                                                       or classify._DAY_NAME.search(text))
    camel = re.compile(r"[a-z!?][A-Z][a-z]")
    for end in (0, 3, 5, 300):
        assert bool(classify._CAMEL.search(text, 0, end)) == bool(camel.search(text, 0, end))
    from mch_cli import meta
    if meta._BY_RE.match(text):
        assert text[:1] in meta._BY_FIRST


@settings(max_examples=500, deadline=None)
@given(texts | st.text(alphabet="中文\x80\x9f\xa0éa ’", max_size=30), st.integers(0, 12))
def test_decode_gates(text, high):
    from mch_cli import decode
    assert decode._has_c1(text) == bool(decode._C1.search(text))
    assert decode._han_outweighs(text, high) == (sum(map(len, decode._HAN_RUN.findall(text))) > high)


def test_first_letters_of_bylines():
    # meta._BY_FIRST: every character that case-insensitive matching takes for a first letter
    import sys
    from mch_cli import meta
    firsts = re.compile("(?i:[astwcribp])")
    assert {c for c in map(chr, range(sys.maxunicode + 1)) if firsts.fullmatch(c)} == set(meta._BY_FIRST)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["part", "Chapter", "apart", " ", "\t", "1", "12", " of ", "x", "讨", "討", "论",
                                 "發", "言", "跟", "贴", "规", "範", "须", "知", "守", "則", "留"]),
                max_size=10).map("".join) | texts)
def test_patterns_rewritten_to_be_led_by_a_character(text):
    # patterns.tsv's rewritten forms find what the forms before them found
    from mch_cli.patterns import builtin_patterns
    regexes = {p.regex.pattern for p in builtin_patterns()}
    for now, before in (
            (r"\d(?<=\s\d)(?<!\bpart\s\d)(?<!\bchapter\s\d)\d? of \d{1,2}$",
             r"(?<!\bpart)(?<!\bchapter)\s\d{1,2} of \d{1,2}$"),
            (r"(讨[论論]|討[论論]|留言|发言|發言|评[论論]|評[论論]|跟[帖贴貼])\s*([规規][范範则則定]|[须須]知|守[则則])",
             r"([讨討][论論]|留言|[发發]言|[评評][论論]|跟[帖贴貼])\s*([规規][范範则則定]|[须須]知|守[则則])")):
        assert any(now in regex for regex in regexes)
        assert bool(re.search(now, text, re.I)) == bool(re.search(before, text, re.I))


def test_case_folding_onto_ascii_letters():
    # meta._ASCII_LETTER_RE's premise: only these fold onto an ASCII letter
    import sys
    others = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert set(re.findall("[a-z]", others, re.IGNORECASE)) == set("\u0130\u0131\u017f\u212a")


TITLES = ["健康新闻", "儿童保健服务再升级", "_", " - ", " | ", "新浪网", "BBC News", "Health", "—",
          "Hospital expands newborn screening", "｜", "X"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(TITLES), min_size=1, max_size=4).map("".join),
                min_size=1, max_size=8))
def test_repeated_headline(texts):
    from collections import Counter

    from mch_cli.article import Line
    from mch_cli.meta import strip_site_suffix
    counts = Counter(texts)
    infos = [classify._Info(Line(n, t), classify.features(t), "short", "", None, False, counts[t])
             for n, t in enumerate(texts, 1)]
    plain = Counter(texts)
    plain.update(head for t in texts if (head := strip_site_suffix(t)) != t)
    page = "\n".join(texts)
    for i in infos:
        assert classify._repeated(infos, i, page) == (plain[i.line.text] > 1)


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=40) | texts.map(lambda t: t.encode("utf-8")))
def test_utf8_control_characters_are_control_bytes(data):
    from mch_cli import decode
    text = data.decode("utf-8", errors="replace")
    assert decode._has_control_bytes(data) == bool(decode._CONTROL.search(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aZéÃ©æ–", min_size=1, max_size=6), max_size=5))
def test_mojibake_share(words):
    from mch_cli import lang
    plain = len(re.findall("[\u00c0-\u00ff]", "".join(words))) >= 0.3 * sum(map(len, words))
    assert lang._mojibake(words) == plain


@settings(max_examples=500, deadline=None)
@given(texts | st.text(alphabet="中文 Ab-'’ếé1", max_size=30))
def test_latin_words_need_a_letter(text):
    from mch_cli import lang
    if not lang._LETTER_RE.search(text):
        assert not lang._WORD_RE.search(text) and not lang._TWO_WORDS_RE.search(text)
    # a token led by its first letter, the look-behind after it: as the look-behind first
    plain = re.compile(lang._TWO_WORDS_RE.pattern.replace(
        f"[{lang._LATIN}](?<![0-9{lang._LATIN}].)", f"(?<![0-9{lang._LATIN}])[{lang._LATIN}]"))
    assert plain.pattern != lang._TWO_WORDS_RE.pattern
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in lang._TWO_WORDS_RE.finditer(text)]



@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="张三·李 a=1", max_size=60))
def test_is_name(token):
    from mch_cli import meta

    def plain(token):  # is_name before its quick rejection of long tokens
        if not token or token in meta._NOT_NAMES or re.search(r"[=<>\"@]|\d{3,}", token):
            return False
        han = count_han(token)
        if han:
            return han == len(token.replace("·", "")) and (2 <= han <= 4 or ("·" in token and han <= 10))
        return 1 <= len(token.split()) <= 4 and len(token) <= 40
    assert meta.is_name(token) == plain(token)
    assert meta.is_name("·" * 45 + "张三") == plain("·" * 45 + "张三")


@settings(max_examples=1000, deadline=None)
@given(st.integers(-400, 400), st.integers(1, 40))
def test_round2(n, d):
    for x in (n / 4, n / d, -(4.0 + 0.7 * n), 0.25 * n, float(n)):
        assert repr(classify._round2(x)) == repr(round(x, 2))


@settings(max_examples=500, deadline=None)
@given(texts | st.sampled_from(["见 http://例子.中国/新闻 页", "中文 www.例子.cn", "写信 a@例子.cn"]))
def test_analyse_with_han_counted(text):
    from mch_cli import lang
    assert lang.analyse(text, count_han(text)) == lang.analyse(text)
    assert lang.analyse(text, count_han(text), latin_words(text)) == lang.analyse(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="ab’'- 中文，。ếП1", min_size=1, max_size=12).map(normalise).filter(bool),
                min_size=2, max_size=4))
def test_paragraph_language_from_its_lines(lines):
    # build_paragraphs gives analyse its lines' Han characters and words, joined as it joins them
    from mch_cli import lang
    from mch_cli.pipeline import _joint
    parts = [lines[0]]
    for line in lines[1:]:
        parts += [_joint(parts[-1], line), line]
    if any(parts[k] == "" and parts[k - 1][-1] == "’" for k in range(1, len(parts), 2)):
        return  # (build_paragraphs counts such a paragraph anew)
    text = "".join(parts)
    found = [classify.features(line) for line in lines]
    assert lang.analyse(text, sum(f.han for f in found), [w for f in found for w in f.latin]) == lang.analyse(text)


@settings(max_examples=500, deadline=None)
@given(texts | st.text(alphabet="aé\u0085\u009f\u00a0\u00ff\u0100中Ã©", max_size=30))
def test_latin1_high(text):
    from mch_cli import decode
    assert decode._latin1_high(text) == len(decode._LATIN1_HIGH.findall(text))
