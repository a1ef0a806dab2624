"""Lines → labels, each with a reason.

Two passes, as in jusText: a context-free class per line from cheap per-script features
(prose, near-prose, short, bad), then the page layout: the densest run of prose is the article,
the headline is looked for just above it, bylines and captions around it, and everything else
is boilerplate with the reason that decided it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from itertools import accumulate
from operator import add, attrgetter

from . import settings
from .article import BODY, BOILERPLATE, CAPTION, HEADING, META, TITLE, Line, line_key
from .meta import (AGO_RE, REPLY_FLOOR_RE, _led_by_first_letter, chinese_chrome_share, chrome_word_share, find_dates, is_byline,
                   is_credit_line, is_dated_byline, is_name, is_name_line, strip_site_suffix, strip_widget_prefix,
                   tokens_beside_dates)
from .patterns import Pattern, matcher
from .script import HAN_RUN_RE, LATIN_WORD_RE, PROSE_PUNCT_RE, SENTENCE_END_RE, count_han, han_counts
from .weights import FITTED, Weights

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"

_EN_STOPWORDS = frozenset("""a an the of to in on at for from by with and or but as is are was were be been
being it its this that these those he she they we you i his her their our your has have had not
no will would can could should may might do does did who which what when where how than then so
if into about after before over under also more most said says""".split())
# ... as they are written: looking a word up as it is spares lower-casing every word of a page
_EN_STOPWORDS_CASED = frozenset(f for w in _EN_STOPWORDS for f in (w, w.capitalize(), w.upper()))
_ITEM_SPLIT = re.compile(r"\s*[|｜│·•»›>→]+\s*|\s{2,}|\t")
_BREADCRUMB = re.compile(r"(?:>>?|»|›|→|->|＞|(?<=\s)〉)")  # ("網 〉新聞 〉…": a 〉 after a space)
# Numbered items (bullets are left out: lists of links use them too).
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.、)）](?!\d)|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}[、.]|[①-⑳])\s*\S")
# A list the article announces ("…:") has its items numbered or behind one bullet.
_ITEM_NUMBER = re.compile(r"^(\d{1,2})[.、)）](?!\d)\s*\S")
_ITEM_BULLET = re.compile(r"^([-–•*·◆●■])\s+\S")
# (what the regex [:：]$ finds, told by endswith: a scan of the whole line for a colon costs more)
_ANNOUNCES = (":", "：", ":\n", "：\n")
# "2 tsp cumin", "3/4 cup of brown sugar", "8-9 ripe pears": an amount, then what of (an ingredient).
_QUANTITY = re.compile(r"^\d+(?:[-/.,]\d+)*(?:\s\d+/\d+)?\s?(?:[a-z]|\()")
# Every match of _LIST_ITEM and of _QUANTITY starts with a digit or with one of these: a test of
# the first character spares most lines both regexes.
_LIST_ITEM_FIRST = "(（一二三四五六七八九十" + "".join(map(chr, range(ord("①"), ord("⑳") + 1)))
_ITEM_MARK = re.compile(_ITEM_NUMBER.pattern + "|" + _ITEM_BULLET.pattern)
# "附：招生专业及考试科目", "Appendix": the table or list after it belongs to the article.
_APPENDIX = re.compile(r"^(?:附\s*[:：]|附[表录]|appendix\b|annex\b)", re.IGNORECASE)
# A letter's closing, on a line of its own and followed by a comma, as letters close.
_CLOSING = re.compile(r"^(?:(?:yours )?(?:very )?(?:truly|sincerely|faithfully|respectfully)(?: yours)?|yours"
                      r"|cheers|(?:with )?(?:much |all my )?love|(?:best|warm|warmest|kind|kindest) (?:wishes|regards)"
                      r"|best|regards|(?:many )?thanks|thank you|warmly|hugs|all the best|take care)\s?,$", re.IGNORECASE)
# "蔡英文 、 民進黨 、 國民黨": a list of tags, whose commas are not prose punctuation.
_LONE_SEPARATOR = re.compile(r"、(?<=\s、)(?=\s)")  # led by "、", which `re` finds fast
# A list of news ends its items with their time: "…【北京新浪網】2012-01-17 21:40", "…(07/13 08:41)".
_ENDS_WITH_TIME = re.compile(r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2})[)）\]】]?$")
_TRUNCATED = re.compile(r"(?<=[\w\u4e00-\u9fff])(?:\.{3}|…)$")
# "… the vehicle is getting all bigger and better. If you have [...]": a blog's excerpt of a post
_EXCERPT_END = re.compile(r"\[(?:\.{3}|…)\]$")


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs twice as much, per line
class Features:
    han: int
    words: int
    tokens: int
    prose_punct: int
    ends_sentence: bool
    stopword_share: float
    items: int
    mean_item_tokens: float
    breadcrumb: bool
    truncated: bool
    pipes: int               # "|" separators: "About Us | Disclaimer | Careers | Contact Us | …"
    bullets: int             # spaced "·" and "•" separators: "Headline one · Headline two · …"
    ends_colon: bool         # "… here are a few more pictures found on flickr:" leads into a list
    latin: list[str] | None  # the Latin words themselves, for the language step (None: not kept)


_TEXT = attrgetter("text")
_values = attrgetter(*(field.name for field in fields(Features)))  # (a record's values, as a key)
_RULE = re.compile(r"[-—–_=*~·•.#+\s]{3,}$")
_RULE_WHY = "separator rule"
_TRUNCATED_WHY = "truncated teaser"
# Every match of _ITEM_SPLIT holds one of these.
_ITEM_SYMBOL = re.compile(r"[|｜│·•»›>→\t]")
_DOUBLE_SPACE = re.compile(r"\s\s")
# Chinese menus separate items with single spaces: an item is a run of other characters.
_CHINESE_ITEM = re.compile(r"[^\s|｜│·•»›>]+")


def features(text: str) -> Features:
    han = count_han(text)
    words = LATIN_WORD_RE.findall(text)
    tokens = han + len(words)
    stop = sum(map(_EN_STOPWORDS_CASED.__contains__, words)) / len(words) if words else 0.0
    # English needs explicit separators.
    if han >= len(words):
        found = _CHINESE_ITEM.findall(text)
        items = len(found)
        if items >= settings.SPACED_MIN_CHARS and max(map(len, found)) == 1:
            items = 1  # "港 鐵 多 條 路 綫": a headline set with a space after every character
    elif _ITEM_SYMBOL.search(text) or _DOUBLE_SPACE.search(text):
        items = len(list(filter(str.strip, _ITEM_SPLIT.split(text))))
    else:  # nothing to split at (most lines): testing for that is cheaper than splitting
        items = 1 if text.strip() else 0
    # on ASCII text every breadcrumb separator holds a ">"
    crumbs = len(_BREADCRUMB.findall(text)) if ">" in text or not text.isascii() else 0
    return Features(  # positional: keywords cost a tenth of the time of this function
        han, len(words), tokens,
        len(PROSE_PUNCT_RE.findall(text)) - (len(_LONE_SEPARATOR.findall(text)) if "、" in text else 0),  # prose_punct
        bool(SENTENCE_END_RE.search(text)),  # ends_sentence
        stop, items, tokens / items if items else 0.0,  # stopword_share, items, mean_item_tokens
        crumbs >= 2 and tokens <= 60 or crumbs >= 1 and items >= 2 and tokens <= 30,  # breadcrumb
        # truncated: a teaser cut off mid-word, "… during the college entrance examinatio..."
        ("..." in text or "…" in text) and (bool(_TRUNCATED.search(text))
                                            and len(PROSE_PUNCT_RE.findall(_TRUNCATED.sub("", text))) <= 1
                                            or bool(_EXCERPT_END.search(text))),
        text.count("|") + text.count("｜") + text.count("│"),  # pipes
        text.count(" · ") + text.count(" • ") if "·" in text or "•" in text else 0,  # bullets
        text[-1:] in ":：",  # ends_colon
        words,
    )


# page_features: the rarer features look at a few characters (item separators, breadcrumbs,
# "…") that most lines do not hold: a search of the page for each keeps these characters of
# each line, and only a line holding one is looked at further.
_MARKS = "|｜│·•»›>→\t＞〉…"
_CRUMB_MARK = re.compile("[>»›→＞〉]")  # every match of _BREADCRUMB holds one
_CHINESE_SEPARATOR = re.compile("[|｜│·•»›>]")  # _CHINESE_ITEM's separators, white space aside
_OTHER_SPACE = re.compile("[^\\S \n]")  # white space other than a space (a newline joins lines)
# (and none in a printable text: isprintable() is a far cheaper scan)
# The last character of every match of SENTENCE_END_RE is one of these, or an emoji.
_SENTENCE_LAST = frozenset("。！？!?.;；…")
_SENTENCE_TAIL = frozenset("”’\"'」』)）]】\ufe0f")
_LINES_A_BLOCK = 4096  # lines joined at a time


def _line_marks(joined: str, texts: list[str]) -> list[str]:
    """The _MARKS each line holds, in no order (`joined`: the lines joined by newlines, none in
    a line). A substring search is a fast scan of the page, where a regex removing everything
    else (what this did) tests every character against the set; few pages hold many marks."""
    marks = [""] * len(texts)
    starts = None
    for mark in _MARKS:
        at = joined.find(mark)
        if at < 0:
            continue
        if starts is None:  # where each line starts in `joined`
            starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
        while at >= 0:
            marks[bisect_right(starts, at) - 1] += mark
            at = joined.find(mark, at + 1)
    return marks


def page_features(texts: list[str], keep_words: bool = True) -> list[Features]:
    """[features(text) for text in texts], the same values (tests/test_fast_paths.py), with
    fewer passes over each line. `keep_words=False`: no line keeps its Latin words (`latin` is
    None: the language step finds them again), which are most of a huge page's memory."""
    marks: list[str] = []
    hans: list[int] = []  # each line's Han characters (count_han)
    printable = all(map(str.isprintable, texts))
    spaces = True  # white space is spaces only ("  " then tells \s\s): a printable text has no other
    # a block of lines at a time: a big page joined whole would be a second copy of it (four
    # bytes a character when one line holds an emoji)
    for first in range(0, len(texts), _LINES_A_BLOCK):
        block = texts[first: first + _LINES_A_BLOCK]
        joined = "\n".join(block)
        if joined.count("\n") != len(block) - 1 or not all(block):
            found = [features(text) for text in texts]  # a line with a newline in it, or empty
            return found if keep_words else [replace(f, latin=None) for f in found]
        marks += _line_marks(joined, block)
        hans += [0] * len(block) if joined.isascii() else han_counts(block)
        if not printable and spaces:
            spaces = _OTHER_SPACE.search(joined) is None
    stopword = _EN_STOPWORDS_CASED.__contains__
    # (what the loop calls, bound once: a name looked up is a cost on every line)
    latin_words, punctuation = LATIN_WORD_RE.findall, PROSE_PUNCT_RE.findall
    spaced = settings.SPACED_MIN_CHARS
    found = []
    append = found.append
    shared: dict[tuple, Features] = {}
    new, init = Features.__new__, Features.__init__  # (cheaper than calling the class: see classify)
    for text, mark, han in zip(texts, marks, hans):
        words = latin_words(text)
        n_words = len(words)
        tokens = han + n_words
        if han >= n_words:
            if mark and _CHINESE_SEPARATOR.search(mark):
                chunks = _CHINESE_ITEM.findall(text)
            else:  # runs of characters between white space: what str.split() gives
                chunks = text.split()
            items = len(chunks)
            if items >= spaced and max(map(len, chunks)) == 1:
                items = 1
        elif mark and _ITEM_SYMBOL.search(mark) or ("  " in text if spaces else _DOUBLE_SPACE.search(text)):
            items = len(list(filter(str.strip, _ITEM_SPLIT.split(text))))
        else:
            items = 1 if spaces or text.strip() else 0
        punct = punctuation(text)
        last = text[-1]
        if mark:
            crumbs = len(_BREADCRUMB.findall(text)) if _CRUMB_MARK.search(mark) else 0
            truncated = "…" in mark or "..." in text
            pipes = mark.count("|") + mark.count("｜") + mark.count("│")
            bullets = text.count(" · ") + text.count(" • ") if "·" in mark or "•" in mark else 0
        else:
            crumbs, truncated, pipes, bullets = 0, "..." in text, 0, 0
        f = new(Features)
        init(
            f, han, n_words, tokens,
            len(punct) - (len(_LONE_SEPARATOR.findall(text)) if "、" in punct else 0),
            last in _SENTENCE_LAST or (last in _SENTENCE_TAIL or "\u2600" <= last <= "\u27bf" or last > "\uffff")
            and SENTENCE_END_RE.search(text) is not None,
            sum(map(stopword, words)) / n_words if n_words else 0.0,
            items, tokens / items if items else 0.0,
            crumbs >= 2 and tokens <= 60 or crumbs >= 1 and items >= 2 and tokens <= 30,
            truncated and (bool(_TRUNCATED.search(text))
                           and len(PROSE_PUNCT_RE.findall(_TRUNCATED.sub("", text))) <= 1
                           or bool(_EXCERPT_END.search(text))),
            pipes, bullets, last in ":：", words if keep_words else None)
        # without their words, lines share a few thousand sets of features: one record each
        append(f if keep_words else shared.setdefault(_values(f), f))
    return found


def _title_case(words: list[str]) -> bool:
    """A headline in Title Case ("Why Your Dishwasher Stopped Cleaning Like It Used To?"): every
    word but the short function words capitalised. A sentence capitalises its first word and
    names, never its verbs too."""
    if len(words) > settings.TITLE_MAX_WORDS:
        return False
    content = 0
    for w in words:  # (a loop that stops at the first word in lower case: most lines have one)
        if len(w) > 3 or w not in _EN_STOPWORDS:
            if not (w[0].isupper() or w[0].isdigit()):
                return False
            content += 1
    return content >= settings.TITLE_CASE_MIN_WORDS


_NO_LETTERS_WHY = "no letters"


def line_class(f: Features) -> tuple[str, str]:
    """The context-free class of a line and why."""
    if f.tokens == 0:
        return BAD, _NO_LETTERS_WHY
    if f.breadcrumb and not f.ends_sentence:
        return BAD, "breadcrumb"
    if (f.items >= settings.MENU_MIN_ITEMS and f.mean_item_tokens <= settings.MENU_MAX_ITEM_TOKENS
            and f.prose_punct <= 1):
        return BAD, f"menu: {f.items} short items"
    if (f.pipes >= settings.PIPED_MENU_MIN_PIPES and f.tokens <= settings.PIPED_MENU_MAX_ITEM_TOKENS * (f.pipes + 1)
            and f.prose_punct < f.pipes):  # the odd "Connect.in.com" or "?" among links
        return BAD, f"menu: {f.pipes + 1} links between |"
    if f.bullets >= settings.BULLET_LIST_MIN_SEPARATORS and f.prose_punct <= f.bullets:
        return BAD, f"headlines between bullets: {f.bullets + 1} items"  # a long line, not prose
    if f.truncated:
        return BAD, _TRUNCATED_WHY
    if f.han >= f.words:
        if f.prose_punct >= settings.GOOD_MIN_PROSE_PUNCT and (
                f.han >= settings.GOOD_MIN_HAN
                or (f.han >= settings.GOOD_MIN_HAN_SENTENCE and f.ends_sentence)):
            return GOOD, "prose"
    elif f.stopword_share >= settings.GOOD_MIN_STOPWORD_SHARE and (
            (f.words >= settings.GOOD_MIN_WORDS and (f.ends_sentence or f.ends_colon or f.prose_punct >= 2))
            or (f.words >= settings.GOOD_MIN_WORDS_SENTENCE and f.ends_sentence)):
        return GOOD, "prose"
    if f.tokens <= settings.SHORT_MAX_TOKENS:
        return SHORT, "short line"
    return NEAR, "not prose"


@dataclass(slots=True)
class _Info:
    line: Line
    f: Features
    cls: str                 # the class the page and the corpus leave it (repeats, patterns)
    why: str
    pattern: Pattern | None
    byline: bool
    repeated: int
    base_cls: str = ""       # the context-free class of the line alone
    wrapped: bool = False    # as long as the page's hard-wrap width: the paragraph goes on
    running: bool = False    # reads as running text: prose, a punctuated line, a list item, a wrapped line
    score: float = 0.0       # _score, once the page's layout has set `wrapped` and `byline`
    names: bool | None = None  # is_name_line, once asked (the headline search asks it again)
    stamp: str | None = None   # _stamp_shape: a post's time stamp, in a comment thread or a feed
    header: str | None = None  # _comment_header: the kind of comment header the line is
    glue: str | None = None    # _glue: a teaser's headline glued to its story
    headline: bool | None = None  # _headline_like, once asked (after the marking passes, which
    # may change what it looks at: the class, the pattern, the byline)

    def evidence(self) -> dict:
        return _evidence(self)


def classify(lines: list[Line], patterns: tuple[Pattern, ...],
             recurring: Mapping[int, int] | None = None, title_hints: tuple[str, ...] = (),
             weights: Weights | None = None, paragraph_lines: bool = False) -> None:
    """Set `label` and `reason` on every line (in place). `recurring`: corpus mode's line hashes
    seen on many pages, with their page counts. `title_hints`: headlines the markup names.
    `weights`: of the signals weighed against each other (default: data/weights.json's).
    `paragraph_lines`: the page is in mch's own text format (pipeline.layout_headline)."""
    w = weights or FITTED
    title_hints = tuple(h.translate(_PLAIN_QUOTES) for h in title_hints)  # (compared by _hints_of)
    counts = Counter(map(_TEXT, lines))
    # A page repeats lines (menus, headlines): each text is judged once, the patterns tried on
    # all of them at once.
    texts = list(counts)
    found = page_features(texts, keep_words=len(texts) <= settings.WORDS_KEPT_MAX_LINES)
    matched = matcher(patterns).match_lines(texts, [f.tokens for f in found])
    # each text's judgement is an _Info without its line: the record of a text's only line (most
    # lines), copied for each line of a repeated one (no second record a line: memory, issue 20);
    # it takes the place of the text's count in the same dictionary (no second one of a big
    # page's texts)
    judged: dict[str, _Info] = counts  # type: ignore[assignment]
    # A class called from Python code enters its __init__ through C: __new__ then __init__,
    # two calls between Python functions, cost a fifth less, on every record
    new, init = _Info.__new__, _Info.__init__
    for text, f, pattern in zip(texts, found, matched):
        base_cls, why = line_class(f)
        if not f.tokens and _RULE.match(text):  # a horizontal rule between an article's parts
            base_cls, why = SHORT, _RULE_WHY
        byline = base_cls != GOOD and is_byline(text, f.tokens)
        short = f.tokens <= settings.STAMP_MAX_TOKENS  # (cheap gates first: most lines are neither)
        repeated = judged[text]
        judged[text] = info = new(_Info)
        init(info, None, f, base_cls, why, pattern, byline, repeated, base_cls)
        stamp = (short and (":" in text or "ago" in text or "：" in text or "前" in text or "." in text)
                 and _stamp_shape(text) or None)
        header = ((short or byline) and _HEADER_HINT.search(text)
                  and _comment_header(text, f, base_cls, byline) or None)
        if stamp or header:
            info.stamp, info.header = stamp, header
        if f.words >= 5:  # (_glue's own gate, spared a call)
            info.glue = _glue(text, f) or None
        if pattern and pattern.reason == _COMMENTS_WHY:
            title_hints += _title_named_by_comments(text)
    del counts, texts, found, matched  # (what the records hold is all that is needed now: `judged`)
    infos = []
    seen: set[str] = set()
    glued_lines: list[int] = []
    arrows: list[int] = []
    link_lines: list[int] = []  # HTML: lines of link text
    reasons: dict[str, str] = {}  # "outside article: " + why, made once for each why
    for line in lines:
        text = line.text
        info = judged[text]
        if info.repeated == 1:
            info.line = line
        else:
            info, copied = new(_Info), info
            init(info, line, copied.f, copied.base_cls, copied.why, copied.pattern, copied.byline, copied.repeated,
                 copied.base_cls, stamp=copied.stamp, header=copied.header, glue=copied.glue)
        f, base_cls, pattern = info.f, info.base_cls, info.pattern
        if info.glue:
            glued_lines.append(len(infos))
        if info.repeated > 1 and 0 < f.tokens <= settings.REPEATED_MAX_TOKENS:
            if base_cls != GOOD or text in seen:  # ranking lists repeat headlines; prose said
                info.cls, info.why = BAD, f"repeated {info.repeated}x on page"  # twice is said once
            seen.add(text)
        pages = recurring.get(line_key(text)) if recurring else None
        if pages and info.cls != GOOD:  # prose is rarely a template
            info.cls, info.why = BAD, f"on {pages} pages of the corpus"
        if line.links >= settings.LINK_LINE_MIN_SHARE and info.cls != GOOD:  # HTML: menus are links
            info.cls, info.why = BAD, f"link text ({line.links:.0%})"
            link_lines.append(len(infos))
        elif line.links >= settings.LINK_PROSE_MIN_SHARE and info.cls == GOOD:
            info.cls, info.why = NEAR, f"prose inside a link ({line.links:.0%})"
        if pattern and pattern.label == BOILERPLATE:
            info.cls, info.why = BAD, pattern.reason
            if pattern.reason == _LINK_ARROW or text[:1] in _ARROWS_BACK:
                arrows.append(len(infos))  # (a post pager's lines, for the region)
        if line.inside:  # HTML: inside an element the markup names as chrome
            info.cls, info.why, info.byline = BAD, f"inside {line.inside}", False
        reason = reasons.get(info.why)
        if reason is None:
            reason = reasons[info.why] = "outside article: " + info.why
        line.label, line.reason = BOILERPLATE, reason
        infos.append(info)
    if title_hints:
        lengths = {len(h) for h in title_hints}  # (plain quotes keep a line's length: most lines are no hint's)
        for i in infos:
            if len(i.line.text) in lengths and _hints_of(i, title_hints):
                i.names = False  # the markup's headline names no author ("Joy the Baker – Chai Rolls")
    repeats = _repeated_chrome(infos)
    labels = _keep_section_labels(infos, repeats, judged)
    _keep_table_cells(infos, {text: where for text, where in repeats.items() if text not in labels}, judged)
    contents_heads = _keep_contents_and_headings(infos, repeats, judged)
    del judged, seen  # (a big page's dict and set of its texts: no longer needed)
    _mark_running_text(infos)
    _mark_menu_links(infos)
    _mark_credited_captions(infos)
    _mark_comments(infos)
    _mark_glued_teasers(infos, glued_lines)
    _mark_title_case_teasers(infos)
    _mark_recent_comments(infos)
    threads, live = _comment_threads(infos)

    region = _article_region(infos, threads, w, title_hints, arrows, live)
    listed = _list_page_region(infos, region)
    story = None if listed else _photo_story_region(infos, region)
    if listed:
        start, end = listed
        _label_list_page(infos, start, end)
    elif story:
        start, end = story
        _label_photo_story(infos, start, end)
    elif region:
        start, end = region
        _label_body(infos, start, end, paragraph_lines, link_lines, contents_heads)
        end = _label_signature(infos, _label_closing(infos, _label_announced_list(infos, _label_table(infos, _label_appendix(
            infos, _label_bio(infos, start, end))))))
    else:
        return
    title = _label_header(infos, start, title_hints, w)
    _label_tail(infos, end, threads)
    _label_post_footer(infos, start, end, threads)
    _drop_headings_of_nothing(infos)
    _drop_labels_kept_too_rarely(infos, labels)
    if title is not None:
        infos[title].line.label, infos[title].line.reason = TITLE, "headline above the article"
    for start, _, end in threads:
        why = "outside article: " + (_TIMED_HEADLINES_WHY if _timed_headlines(infos, start, end) else "reader comments")
        for i in infos[start: end + 1]:
            if (i.line.label == BOILERPLATE and i.line.reason.startswith("outside article")
                    and "teaser list" not in i.line.reason):  # times over stories cut short
                i.line.reason = why
    for k in [k for k, i in enumerate(infos[:-1]) if i.wrapped]:  # (a line under an unwrapped one goes on no paragraph)
        infos[k + 1].line.continues = infos[k].line.label == infos[k + 1].line.label == BODY
    for i in infos:  # what decided the line, for --explain (and its features, for the language)
        i.line.decision, i.line = i, None  # (no line ↔ info cycle: freed as soon as the page is)


# "12 Responses to “X”", "2 thoughts on "X"": the comments' header names the post's headline
_COMMENTS_ON = re.compile(r"\b(?:to|on)\s+[“\"](.+?)[”\"]\s*(?:[|:：]|$)", re.IGNORECASE)


def _title_named_by_comments(text: str) -> tuple[str, ...]:
    """The headline a comments header names, as the markup's would be given (or none)."""
    m = _COMMENTS_ON.search(text)
    return (m.group(1).translate(_PLAIN_QUOTES),) if m else ()


def _evidence(i: _Info) -> dict:
    """What --explain shows of the classifier's view of a line."""
    f = i.f
    ev = {"class": i.cls, "score": _round2(i.score), "tokens": f.tokens, "han": f.han,
          "words": f.words, "prose_punct": f.prose_punct, "ends_sentence": f.ends_sentence}
    if f.words:
        ev["stopword_share"] = _round2(f.stopword_share)
    if f.items > 1:
        ev["items"] = f.items
    if i.pattern:
        ev["pattern"] = i.pattern.reason
    if i.repeated > 1:
        ev["repeated"] = i.repeated
    return ev


def _round2(x: float) -> float:
    """round(x, 2), which is slow (it rounds by decimal digits): a multiple of 1/4 (most scores
    and shares) is already a number of two decimals, and its own rounding."""
    return x if (x * 4).is_integer() else round(x, 2)


def _wrap_width(infos: list[_Info]) -> tuple[int, bool] | None:
    """The width at which the page was hard-wrapped, if it was, and whether at words: English
    wrapped word by word (_word_wrap_width), or many long lines of one length and next to none
    longer (Chinese, cut at a number of characters)."""
    lengths = Counter(len(i.line.text) for i in infos if len(i.line.text) >= settings.WRAP_MIN_CHARS)
    if not lengths:
        return None
    long = sum(lengths.values())
    at_words = _word_wrap_width(infos, lengths, long)
    if at_words is not None:
        return at_words, True
    width = max(lengths, key=lambda n: (lengths[n] + lengths[n - 1], n))
    share = (lengths[width] + lengths[width - 1]) / long
    longer = sum(n for length, n in lengths.items() if length > width + 1)  # (a wrapped page has next to none)
    if (lengths[width] + lengths[width - 1] >= settings.WRAP_MIN_LINES and share >= settings.WRAP_MIN_SHARE
            and longer <= settings.WRAP_MAX_LONGER_SHARE * long):
        return width, False
    return None


def _word_wrap_width(infos: list[_Info], lengths: Counter, long: int) -> int | None:
    """The width English was wrapped at, word by word: many long lines end a few characters short
    of the longest, and after most of them the next line's first word would not have fit
    (news writes names and sentence starts in capitals: "going on in lower case" misses it),
    or the next line goes on in lower case, or (filled to balance its lines, as fmt does) most
    go on right under where paragraphs stand apart by blank lines. A list of headlines of one
    length does none of these. Only on a page of mostly Latin long lines, none over 160."""
    width = max(lengths)
    if (width > settings.WRAP_WORD_MAX_WIDTH
            or sum(lengths[n] for n in range(width - settings.WRAP_WORD_SLACK, width + 1)) < settings.WRAP_WORD_MIN_LINES):
        return None  # (most pages: a few long paragraphs of all lengths)
    least = max(width - settings.WRAP_WORD_SLACK, settings.WRAP_MIN_CHARS)
    near = [k for k, i in enumerate(infos[:-1]) if len(i.line.text) >= least and not i.f.han]
    latin = sum(len(i.line.text) >= settings.WRAP_MIN_CHARS and not i.f.han for i in infos)
    if len(near) < settings.WRAP_WORD_MIN_LINES or 2 * latin < long:
        return None  # (a Chinese page is cut at a number of characters, if at all)
    going_on = sum(infos[k + 1].line.text[0].islower() for k in near)
    if (going_on >= settings.WRAP_WORD_MIN_LOWER * len(near) and len(near) >= settings.WRAP_MIN_LINES
            and len(near) >= settings.WRAP_MIN_SHARE * long):
        return width
    # (a blank line under a line ends its paragraph: the lines that go on are those right above another)
    going = [k for k in near if infos[k + 1].line.number == infos[k].line.number + 1]
    no_room = sum(len(infos[k].line.text) + 1 + len(infos[k + 1].line.text.split(" ", 1)[0]) > width for k in going)
    if len(going) >= settings.WRAP_WORD_MIN_LINES and no_room >= settings.WRAP_WORD_MIN_NO_ROOM * len(going):
        return width
    # filled to balance its lines (fmt): most long lines go on right under, where paragraphs
    # stand apart by blank lines
    if (len(going) >= settings.WRAP_MIN_LINES and len(going) >= settings.WRAP_FILLED_MIN_GOING * len(near)
            and _apart_by_blank_lines(infos)):
        return width
    return None


def _apart_by_blank_lines(infos: list[_Info]) -> bool:
    """The page sets its paragraphs apart by blank lines (a line right above another is then
    the same paragraph's): a good share of its lines have one under them."""
    apart = sum(b.line.number > a.line.number + 1 for a, b in zip(infos, infos[1:]))
    return apart >= settings.BLANK_APART_MIN_SHARE * len(infos)


_CAPTION = Pattern(CAPTION, False, False, 0, "photo caption", re.compile(""))


def _latin_words(i: _Info) -> list[str]:
    """Line i's Latin words (found again on a huge page, which keeps none: page_features)."""
    return i.f.latin if i.f.latin is not None else LATIN_WORD_RE.findall(i.line.text)


def _consecutive(infos: list[_Info], ks: list[int]) -> list[list[_Info]]:
    """The lines `ks` (in order) in runs of lines in a row."""
    runs: list[list[_Info]] = []
    last = -2
    for k in ks:
        if k == last + 1:
            runs[-1].append(infos[k])
        else:
            runs.append([infos[k]])
        last = k
    return runs


def _mark_menu_links(infos: list[_Info]) -> None:
    """HTML: three or more Chinese link lines in a row are a menu, whose items name no author
    ("各国军队" / "纪实传记" / "史海钩沉"; an English byline's name is a link among the
    section's and the share buttons')."""
    for run in _consecutive(infos, [k for k, i in enumerate(infos)
                                    if i.line.links >= settings.LINK_LINE_MIN_SHARE and i.f.han > i.f.words]):
        if len(run) >= 3:
            for j in run:
                j.names = False


def _repeated_chrome(infos: list[_Info]) -> dict[str, list[int]]:
    """Where each short line the page repeats, and nothing else judges, stands ("repeated 3x"),
    or judges as a link only (HTML: a contents list's items link to the headings they repeat)."""
    at: dict[str, list[int]] = {}
    for k, i in enumerate(infos):
        if i.repeated > 1 and i.why.startswith(("repeated", "link text")) and i.base_cls != GOOD:
            at.setdefault(i.line.text, []).append(k)
    return at


def _unrepeated(i: _Info, judged: dict[str, _Info]) -> None:
    """Line i judged as a line of the article after all, not as the page's repeated chrome: its
    context-free class and why again."""
    i.cls, i.why = i.base_cls, judged[i.line.text].why
    i.line.reason = "outside article: " + i.why


def _keep_section_labels(infos: list[_Info], repeats: dict[str, list[int]], judged: dict[str, _Info]) -> set[str]:
    """A short line repeated three times or more with prose between every two (a how-to's "Vim",
    "Emacs", "Shortcut:" under each of its sections) labels the article's parts: a menu or a
    ranking list repeats its lines with nothing of the article between them, and a name over each
    of several posts signs comments or a widget's teasers."""
    at = {text: where for text, where in repeats.items()
          if infos[where[0]].repeated >= settings.SECTION_LABEL_MIN_REPEATS}
    if not at:
        return set()
    prose = list(accumulate(i.base_cls == GOOD and i.repeated == 1 for i in infos))
    kept = set()
    for text, where in at.items():
        if all(prose[b] > prose[a] for a, b in zip(where, where[1:])) and not _name_line(infos[where[0]]):
            kept.add(text)
            for k in where:
                _unrepeated(infos[k], judged)
    return kept


def _keep_table_cells(infos: list[_Info], at: dict[str, list[int]], judged: dict[str, _Info]) -> None:
    """Short lines repeated only inside one small stretch between two paragraphs, three times or
    more and never twice in a row, are a table's cells (a how-to's "Delete next word:" under each
    editor's name), not the page's repeated chrome: the table costs the article what its short
    lines cost. A menu repeats its lines far apart, a widget shown twice line after line.
    `at`: where each such line stands (_repeated_chrome)."""
    tables: dict[tuple[int, int], list[list[int]]] = {}
    for where in at.values():
        if where[-1] - where[0] > settings.TABLE_MAX_LINES or any(b - a == 1 for a, b in zip(where, where[1:])):
            continue
        top, bottom = where[0], where[-1]  # the stretch of lines that are not prose around them
        while top > 0 and infos[top - 1].base_cls != GOOD and bottom - top < settings.TABLE_MAX_LINES:
            top -= 1
        while bottom + 1 < len(infos) and infos[bottom + 1].base_cls != GOOD and bottom - top < settings.TABLE_MAX_LINES:
            bottom += 1
        tables.setdefault((top, bottom), []).append(where)
    for (top, bottom), cells in tables.items():
        if (0 < top and bottom + 1 < len(infos) and infos[top - 1].cls == GOOD == infos[bottom + 1].cls
                and sum(map(len, cells)) >= settings.TABLE_MIN_CELLS):
            for k in (k for where in cells for k in where):
                _unrepeated(infos[k], judged)


def _keep_contents_and_headings(infos: list[_Info], repeats: dict[str, list[int]],
                                judged: dict[str, _Info]) -> set[int]:
    """A list of the article's parts at its top ("毕业前学会写作", "毕业前学会C语言", …), each item
    then heading its part below, in the list's order with prose under each: the list and the
    headings are the article's, not the page's repeated chrome (a menu shown twice repeats its
    lines in a block both times). `repeats`: _repeated_chrome's. Returns the headings."""
    second = {where[0]: where[1] for where in repeats.values() if len(where) == 2}
    runs, run = [], []  # runs of lines in a row, each repeated once further down, in order (one
    # item between two may not be: "Alternatives", a part the page has no heading for)
    for k in sorted(second) + [-1]:
        if run and run[-1] < k <= run[-1] + 2:
            run.append(k)
            continue
        heads = [second[j] for j in run]
        if len(run) >= settings.CONTENTS_MIN_ITEMS and heads == sorted(heads) and heads[0] > run[-1]:
            runs.append((run, heads))
        run = [k]
    if not runs:
        return set()  # (most pages)
    prose = list(accumulate(i.base_cls == GOOD and i.repeated == 1 for i in infos))
    found = set()
    for run, heads in runs:
        if all(prose[b] > prose[a] for a, b in zip([run[-1]] + heads, heads + [len(infos) - 1])):
            for j in run + heads:
                _unrepeated(infos[j], judged)
            found.update(heads)
    return found


def _drop_labels_kept_too_rarely(infos: list[_Info], labels: set[str]) -> None:
    """A section label the article keeps fewer times than a label is repeated stood mostly outside
    it: it is the page's repeated chrome after all (and cleaning the text again finds it so)."""
    if not labels:
        return
    kept = Counter(i.line.text for i in infos if i.line.text in labels and i.line.label in (BODY, HEADING))
    for i in infos:
        if 0 < kept[i.line.text] < settings.SECTION_LABEL_MIN_REPEATS and i.line.label in (BODY, HEADING):
            _set(i, BOILERPLATE, f"repeated {i.repeated}x on page")


def _mark_credited_captions(infos: list[_Info]) -> None:
    """A line the page repeats right next to a photo's credit ("Benny Snyder, AP") is the photo's
    caption (shown twice: under the photo and in its enlarged view)."""
    for k, i in enumerate(infos):
        if (i.pattern and i.pattern.label == CAPTION and i.pattern.reason == "photo credit"
                and i.f.tokens <= settings.SHORT_MAX_TOKENS):
            for j in infos[max(0, k - 1): k + 2:2]:
                if j.repeated > 1 and not j.pattern and j.base_cls == GOOD:
                    j.pattern, j.cls, j.why = _CAPTION, NEAR, _CAPTION.reason


def _mark_running_text(infos: list[_Info]) -> None:
    wrap = _wrap_width(infos)
    if wrap is None:  # (most pages: no line is wrapped, and no byline is taken back)
        for i in infos:
            if i.cls == GOOD:
                i.running = True
            elif i.cls != BAD and not i.pattern:
                i.running = _runs_on(i, False)
        return
    width, at_words = wrap
    # paragraphs apart by blank lines: a long line right above another goes on into it, however
    # the lines were filled (fmt balances them: the next word might have fitted)
    blank_apart = at_words and _apart_by_blank_lines(infos)
    for k, i in enumerate(infos):
        if at_words:  # the next line's first word would not have fit on this one (a sentence's end
            # before a capital ends a paragraph as often as not: taken as its end); a piece of a
            # paragraph the page says twice is repeated, and the paragraph judged whole
            nxt = infos[k + 1].line.text if k + 1 < len(infos) else ""
            i.wrapped = ((i.cls != BAD or i.why.startswith("repeated"))
                         and len(i.line.text) >= width - settings.WRAP_WORD_SLACK and bool(nxt)
                         and (blank_apart and infos[k + 1].line.number == i.line.number + 1
                              or len(i.line.text) + 1 + len(nxt.split(" ", 1)[0]) > width
                              and not (i.f.ends_sentence and (nxt[0].isupper() or nxt[0] in _QUOTES))))
        else:
            i.wrapped = i.cls != BAD and len(i.line.text) >= width - 1
    _judge_wrapped_paragraphs(infos, " " if at_words else "", said_twice=at_words)
    previous_wrapped = False
    for i in infos:
        i.byline = i.byline and not i.wrapped  # a wrapped line is text, whatever it mentions
        i.running = i.cls == GOOD or (i.cls != BAD and not i.pattern and (i.wrapped or _runs_on(i, previous_wrapped)))
        previous_wrapped = i.wrapped


def _runs_on(i: _Info, previous_wrapped: bool) -> bool:
    """Line i, neither prose nor chrome, reads as running text: punctuated, under a wrapped line,
    or a list's item."""
    return (i.f.ends_sentence or i.f.prose_punct >= 1 or previous_wrapped
            or (i.line.text[:1].isdecimal() or i.line.text[:1] in _LIST_ITEM_FIRST)
            and bool(_LIST_ITEM.match(i.line.text) or _QUANTITY.match(i.line.text)))


def _judge_wrapped_paragraphs(infos: list[_Info], joint: str, said_twice: bool) -> None:
    """A hard-wrapped paragraph's lines, each cut mid-sentence, are judged together (joined by
    `joint`: a space at words, nothing where Chinese was cut at a number of characters). Those
    of a paragraph that reads as prose are prose (alone they read as headlines), and so is its
    last piece when it holds no letter ("2:11:06 (1:06:36))", a lone "。"). `said_twice`
    (English): a paragraph the page says twice is said once, its pieces, each repeated, prose
    where it first stands (Chinese pieces are too short to tell a paragraph from an agenda's
    repeated lines)."""
    run: list[int] = []
    said: set[str] = set()
    for k, i in enumerate(infos):
        run.append(k)
        if i.wrapped:
            continue
        paragraph = joint.join(infos[j].line.text for j in run) if len(run) > 1 else ""
        if paragraph and line_class(features(paragraph))[0] == GOOD:
            first = paragraph not in said
            said.add(paragraph)
            for j in run:
                if (infos[j].cls in (SHORT, NEAR) and not infos[j].pattern
                        or j == k and infos[j].why == _NO_LETTERS_WHY
                        or said_twice and first and infos[j].cls == BAD and infos[j].why.startswith("repeated")):
                    infos[j].cls, infos[j].why = GOOD, _WRAPPED_PROSE_WHY
        run = []


_WRAPPED_PROSE_WHY = "prose, hard-wrapped"


# A comment's header: "Jane says:", "瑞雪对X的评论:", or a name with the comment's time.
_SAYS = re.compile(r"^[^!?。！？]{1,60}?\s(?:says|said|wrote|writes)\s*(?:[:：]|\.\.\.|…)$|^[^。，,]{1,24}?(?:说|說|的评论|的評論)\s*[:：]$",
                   re.IGNORECASE)
# (a full stop between the hour and the minutes only before a time zone or am/pm: "16.32 GMT")
_CLOCK = re.compile(r"\d(?<![\d:]\d)\d?(?:[:：]\d{2}(?:[:：]\d{2})?(?![\d:])|\.\d{2}(?=\s*(?:GMT|BST|UTC|CET|CEST|[ap]\.?m\b)))"
                    r"(?:\s*[ap]\.?m\b\.?)?", re.IGNORECASE)
# (_CLOCK and _NUMERIC_DATE are led by their first digit, their look-behind after it: `re` skips
# ahead to a digit, where a pattern led by a look-behind is tried at every position)
# "10.29.2012", "07.16.12": a comment's date, whichever the order of day and month
_NUMERIC_DATE = re.compile(r"\d(?<![\d.]\d)\d?[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d.])")
_DIGIT = re.compile(r"\d")
_HEADER_HINT = re.compile(r"[\d:：.…](?:(?<=\d)|$)")  # a header holds a time or ends as "Jane says:" does
_YEAR = re.compile(r"(?:19|20)\d\d|年")  # every date find_dates finds has its year
# Letters, digits, spaces, and what names hold ("Omar B.", "O'Neil", "@jane_doe"): not the
# header's punctuation.
_NOT_PUNCTUATION = re.compile(r"[\w\s.'’\-@]+")


_DAYISH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"
                     r"|\d{1,2}[-/.月]\d{1,2}|年|日", re.I)
# _DAYISH's yes or no in two regexes, each led by a class of what its matches start with (one led
# by \b is tried at every position of the line): the names, then the numbers, 年 and 日
_DAY_NAME = re.compile(_led_by_first_letter("jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun"
                                            .split(), r"(?<!\w.)", r"(?i:[a-z]*)\b"))
_DAY_NUMBER = re.compile(r"[\d年日](?:(?<=\d)\d?[-/.月]\d|(?<!\d))")
_TIME_RANGE = re.compile(r"\d{1,2}[:：]\d{2}\s*[-–—~至到]\s*\d{1,2}[:：]\d{2}")
_NOT_STAMP_SHAPE = re.compile(r"[^\W\d_]+|\s+")
# A name's own brackets ("Jamshed (Jimmy) Bilimoria"): not the thread's punctuation.
_NICKNAME = re.compile(r"\([^()\d]{1,30}\)")


def _stamp_shape(text: str) -> str | None:
    """The shape of a post's time stamp on a short line ("Shirley July 31, 2012 at 9:39 pm",
    "by Name (1234) on Monday July 23, @09:46PM", "Posted 2 hours ago", "网友 2012-01-17 21:40"):
    its numbers as "0" and its punctuation, words left out, so that the stamps of one comment
    thread share a shape whatever the names in them. None when the line holds no time of day
    with a day, and no "… ago"."""
    if not (_CLOCK.search(text) and (_DAY_NUMBER.search(text) or _DAY_NAME.search(text))
            or ("ago" in text or "前" in text) and AGO_RE.search(text)):
        return None
    if _TIME_RANGE.search(text):
        return None  # "9:30-10:15 Panel on newborn care": a programme's times, not a post's
    return _NOT_STAMP_SHAPE.sub("", re.sub(r"\d+", "0", _NICKNAME.sub("", text)))


def _comment_header(text: str, f: Features, base_cls: str, byline: bool) -> str | None:
    """The kind of comment header `text` is, if it is one: "says", or "clock", "ago", "date",
    "numeric date" ("bare …" when nothing else is on the line), with the line's punctuation. A
    thread repeats one kind, and the article's own dateline is rarely of the thread's kind."""
    # (the time takes words too: "March 6, 2024 at 9:12 am")
    if f.tokens > 2 * settings.COMMENT_HEADER_MAX_TOKENS and not byline or text[0] in "—–-":
        return None  # "— Jane Doe (@jane) May 1, 2019": a quoted post's signature, not a comment
    if text[-1] in ":：.…" and _SAYS.match(text):  # "On May 1, 2019 at 9:12am, Jane said..." reads as prose
        return "says"
    if base_cls == GOOD:
        return None
    if not _DIGIT.search(text):
        return None
    clock = _CLOCK.search(text)
    if clock and _CLOCK.search(text, clock.end()):
        return None  # "8:30-8:50 Opening": a programme's times
    ago = ("ago" in text or "前" in text) and AGO_RE.search(text)
    numeric = _NUMERIC_DATE.search(text)  # (a search each first: most lines hold none of them)
    kind = "clock" if clock else "ago" if ago else "numeric date" if numeric else None
    spans = [clock.span()] if clock else []
    if ago:
        spans += [m.span() for m in AGO_RE.finditer(text)]
    if numeric:
        spans += [m.span() for m in _NUMERIC_DATE.finditer(text)]
    if kind is None and _YEAR.search(text):  # a date alone ("June 11, 2012"): the costliest look
        spans = [d.span for d in find_dates(text)]
        kind = "date" if spans else None
    if kind is None:
        return None
    rest = text
    for lo, hi in spans:  # masked in place: the punctuation around them stays where it was
        rest = rest[:lo] + " " * (hi - lo) + rest[hi:]
    named = count_han(rest) + len(LATIN_WORD_RE.findall(rest))
    if not byline and named > settings.COMMENT_HEADER_MAX_TOKENS:
        return None  # a headline with its date: a list of news, not of comments
    if not named:
        kind = "bare " + kind  # "2 hours ago" alone: as often a list of news as a thread
    # A thread's headers share their punctuation too ("Posted by: X | date"): "date" alone
    # above a post, "X, date." under a photo and "date | Permalink" are three kinds.
    return kind + _NOT_PUNCTUATION.sub("", _NICKNAME.sub("", rest))


def _mark_comments(infos: list[_Info]) -> None:
    """Reader comments: a chain of blocks, each a short header of one kind (a name and a time,
    "X says:") and a few lines of text, many times over. An article has one dateline, not a
    chain of them. The thread's lines cost the article like boilerplate does."""
    kinds = [i.header for i in infos]
    chains: dict[str, list[list[int]]] = {}
    for k, kind in enumerate(kinds):
        if kind is None:
            continue
        runs = chains.setdefault(kind, [])
        if runs and k - runs[-1][-1] <= settings.COMMENT_MAX_GAP_LINES and any(
                j.running for j in infos[runs[-1][-1] + 1: k]):
            runs[-1].append(k)
        else:
            runs.append([k])
    # prose tokens above each line as judged before any thread is marked (so no thread's count
    # depends on which was marked first), counted once a page has a thread
    prose_before: list[int] = []
    for chain in sorted(c for runs in chains.values() for c in runs):  # (top down: the first thread marks a line)
        if len(chain) >= settings.COMMENT_MIN_BLOCKS and _live_posts(infos, chain) is None:
            heads = _thread_heads(infos, chain)
            if heads:
                if not prose_before:  # (a big page has thousands of threads: no count from the top for each)
                    prose_before = [0, *accumulate(i.f.tokens if i.cls == GOOD else 0 for i in infos)]
                _mark_thread(infos, kinds, heads, prose_before)


def _thread_heads(infos: list[_Info], chain: list[int]) -> list[int]:
    """The chain's headers that head comments. The first one's block, when many times a typical
    comment and longer than comments are, is the article under its dateline (a long comment
    further on stays a comment), unless a comments heading stands above it; blocks typically
    that long are posts (a blog's front page)."""
    sizes = [sum(j.f.tokens for j in infos[a + 1: b] if j.cls != BAD) for a, b in zip(chain, chain[1:])]
    typical = max(sorted(sizes)[len(sizes) // 2], 1)
    if typical > settings.COMMENT_POST_TOKENS:
        return []
    if (sizes[0] > settings.COMMENT_MAX_BLOCK_RATIO * typical and sizes[0] > settings.COMMENT_MAX_TOKENS
            and not _under_comments_heading(infos, chain[0])):
        chain = chain[1:]
    return chain if len(chain) >= settings.COMMENT_MIN_BLOCKS else []


def _under_comments_heading(infos: list[_Info], k: int) -> bool:
    """A comments heading ("{ 24 comments… read them below or add one }") stands right above line k."""
    return any(j.pattern and j.pattern.reason == _COMMENTS_WHY
               for j in infos[max(0, k - settings.COMMENTS_HEADING_MAX_LINES): k])


_CUT_SHORT = re.compile(r"(?:\.{3}|…)\]?\s*\d*$")  # "… the game can... 12" (its comment count)


def _mark_thread(infos: list[_Info], kinds: list[str | None], heads: list[int], prose_before: list[int]) -> None:
    """Every line from the first header on is the thread's, up to the last comment's text (past
    its header's own chrome: "Reply", "Log in to Reply")."""
    end = heads[-1] + 1
    while (end < len(infos) and infos[end].cls == BAD and kinds[end] is None
           and not (infos[end].pattern and infos[end].pattern.ends_article)):
        end += 1
    while end < len(infos) and infos[end].running and kinds[end] is None:
        end += 1
    # Stories cut short ("…") under their times are a list of news, not of comments.
    cut_short = sum(bool(_CUT_SHORT.search(i.line.text)) for i in infos[heads[0]: end])
    teasers = 2 * cut_short >= len(heads) or kinds[heads[0]].startswith("bare ago")
    why = _TIMED_HEADLINES_WHY if teasers else "reader comments"
    # Under an article the first block is a comment; with no more prose above it than it holds,
    # it is a feed's first post, which may be the article: that is left to the article's choice.
    # (A comments heading right above it says it is a comment.)
    above = prose_before[heads[0]]
    first = sum(i.f.tokens for i in infos[heads[0] + 1: heads[1]] if i.cls == GOOD)
    for i in infos[heads[0] if above > first or _under_comments_heading(infos, heads[0]) else heads[1]: end]:
        if i.cls != BAD or i.why.startswith("repeated"):
            i.cls, i.why, i.byline, i.running = BAD, why, False, False
            i.line.reason = "outside article: " + why


# "Big Storm Hits CoastHeavy rain fell on …": a teaser's headline glued to its first sentence,
# the markup between them lost
# (a lower-case word runs into a capitalised one; or, after a Title-Case headline, a capitalised
# one does: "CoastHeavy", where mid-sentence "BigTable" is a name).
_GLUED_HEADLINE = re.compile(r"^(?:\S+\s+){2,14}?(?P<glue>(?:[a-z]{3,}|\S*[a-z][!?])[A-Z][a-z'’]*)\s"
                             r"|^(?:(?:[A-Z0-9]\S*|a|an|the|of|to|in|on|for|and|or|at|by|with|from)\s+){2,14}?"
                             r"(?P<glue2>[A-Z][a-z]{2,}[A-Z][a-z'’]*)\s")


# What every glued headline holds, "[a-z!?][A-Z][a-z]" (a cheap gate) ... led by its capital, far
# rarer than a lower-case letter: `re` tries a match at fewer places
_CAMEL = re.compile(r"[A-Z](?<=[a-z!?][A-Z])[a-z]")
_GLUE_WITHIN = 300  # ... in its first 15 words: looked for in these first characters only


def _glue(text: str, f: Features) -> str | None:
    """The glued word of a teaser's headline run into its story's first sentence, if any."""
    m = f.words >= 5 and _CAMEL.search(text, 0, _GLUE_WITHIN) and _GLUED_HEADLINE.match(text)
    return (m["glue"] or m["glue2"]) if m else None


def _mark_glued_teasers(infos: list[_Info], glued_lines: list[int]) -> None:
    """Runs of glued teasers (`glued_lines`: the lines with a glue) are a list of stories,
    however much each reads as prose. One glued line alone may be a typo, and the same glued
    word on each line a brand ("littleBits")."""
    run: list[_Info] = []
    for k in [*glued_lines, -2]:
        i = infos[k] if k >= 0 else None
        if i is not None and i.cls != BAD and (not run or run[-1] is infos[k - 1]):
            run.append(i)
            continue
        if len({j.glue for j in run}) >= settings.TEASER_MIN_RUN:
            for j in run:
                j.cls, j.why, j.running = BAD, "teaser list (headline glued to its story)", False
                j.line.reason = "outside article: " + j.why
        run = [i] if i is not None and i.cls != BAD else []


def _mark_title_case_teasers(infos: list[_Info]) -> None:
    """Runs of lines in Title Case are a list of headlines, though they end in "?" or "." and
    read as prose ("Help! My Toddler Ate the Crayons."): a sentence is not in Title Case. With
    only one that reads as prose, one line more is needed (a headline over a standfirst, or over
    a line of names: "Reviewed by Jo Roe, MD; Professor of Medicine")."""
    fewest, most = settings.TITLE_CASE_MIN_WORDS, settings.TITLE_MAX_WORDS
    for run in _consecutive(infos, [k for k, i in enumerate(infos)
                                    if fewest <= i.f.words <= most and i.f.words > i.f.han and i.cls != BAD
                                    and _title_case(_latin_words(i))]):
        reads_as_prose = sum(j.cls == GOOD for j in run)
        if reads_as_prose and len(run) >= settings.TEASER_MIN_RUN + (reads_as_prose < settings.TEASER_MIN_RUN):
            for j in run:
                j.cls, j.why, j.running = BAD, "teaser list (headlines in Title Case)", False
                j.line.reason = "outside article: " + j.why
        elif len(run) == 1 and run[0].cls == GOOD:  # a headline of two sentences, not prose
            run[0].cls, run[0].base_cls, run[0].why = NEAR, NEAR, "headline in Title Case"
            run[0].line.reason = "outside article: " + run[0].why


# "Nick on An important vSphere 4 storage bug": a "recent comments" widget's line
_NAME_ON_POST = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2} on [A-Z\"“‘']")


def _mark_recent_comments(infos: list[_Info]) -> None:
    """Three or more lines in a row, each a name "on" a post's title, are a widget's list of
    the latest comments (or of a site's accounts: "WSJ on Twitter", "WSJ on Facebook")."""
    for run in _consecutive(infos, [k for k, i in enumerate(infos) if " on " in i.line.text  # (a cheap gate first)
                                    and i.f.tokens <= settings.RECENT_COMMENT_MAX_TOKENS
                                    and _NAME_ON_POST.match(i.line.text)]):
        if len(run) >= settings.RECENT_COMMENTS_MIN_LINES:
            for j in run:
                j.cls, j.why = BAD, "recent comments list"
                j.line.reason = "outside article: " + j.why


def _score(i: _Info, w: Weights) -> float:
    """What a line adds to the article around it: prose counts its tokens, chrome costs."""
    if i.pattern and (i.pattern.label != BOILERPLATE or i.pattern.reason == _AD_WHY) or i.byline:
        return 0.0  # captions, bylines, editor lines and ad slots neither make nor break an article
    if i.cls == GOOD:
        return float(i.f.tokens)
    if i.cls == NEAR and (i.f.ends_sentence or i.f.prose_punct >= settings.GOOD_MIN_PROSE_PUNCT
                          or i.wrapped):
        return w.NEAR_PROSE_WEIGHT * i.f.tokens
    if i.cls == BAD and not (i.line.article_link and i.why.startswith("link text")):
        return -(w.BAD_LINE_COST + i.f.tokens)  # (HTML: a link the article makes costs as a short line)
    if i.cls == NEAR:  # headline-like: one is a sub-heading, a run of them a list
        return -(w.SHORT_LINE_COST + w.NEAR_LINE_COST_PER_TOKEN * i.f.tokens)
    return -w.SHORT_LINE_COST


def _runs(scores: list[float], lo: int, hi: int) -> list[tuple[float, int, int]]:
    """Kadane over scores[lo:hi], keeping every run: each time the running sum falls to zero a
    new run starts; a run is (its best sum, its start, where that sum is reached)."""
    runs: list[tuple[float, int, int]] = []
    total, start, best = 0.0, lo, (0.0, -1, -1)
    for k in range(lo, hi):
        if total <= 0:
            if best[0] > 0:
                runs.append(best)
            total, start, best = 0.0, k, (0.0, -1, -1)
        total += scores[k]
        if total > best[0]:
            best = (total, start, k)
    if best[0] > 0:
        runs.append(best)
    return runs


def _runs_between_cuts(scores: list[float], cuts: list[int],
                       breaks: list[int] = ()) -> list[tuple[int, float, int, int]]:
    """_runs of each stretch between two cut lines: (its stretch's index, score, start, end).
    A run also ends above a break line (a headline with its byline: the next article), which
    does not end the stretch."""
    pieces = zip([0] + [c + 1 for c in cuts], cuts + [len(scores)])
    runs = []
    for piece, (lo, hi) in enumerate(pieces):
        inner = [b for b in breaks if lo < b < hi]
        for a, b in zip([lo] + inner, inner + [hi]):
            runs += [(piece, *run) for run in _runs(scores, a, b)]
    return runs


def _comment_threads(infos: list[_Info]) -> tuple[list[tuple[int, int, int]], set[int]]:
    """Reader comments (or a feed of posts): a run of lines in which time stamps of one shape
    recur, a few lines apart ("Name July 3, 2012 at 4:54 pm", a comment, "Reply", the next).
    Returns (first line, second stamp, last line) of each thread: a feed's first post may be
    the article (a blog's front page), never what comes after it. A live blog's posts are no
    thread: their credit lines are marked as bylines, and their stamps returned (_live_posts)."""
    threads, live = [], set()
    for chain in _stamp_chains(infos):
        credits = _live_posts(infos, chain)
        if credits is not None:
            for i in credits:
                i.byline = True  # ("From CNN's Jane Doe": neither makes nor breaks the article)
            live.update(chain)
            continue
        gaps = sorted(b - a for a, b in zip(chain, chain[1:]))
        start = chain[0]
        if start and infos[start - 1].base_cls == SHORT:
            start -= 1  # the commenter's name on a line of its own, above the stamp
        threads.append((start, chain[1], min(len(infos) - 1, chain[-1] + gaps[len(gaps) // 2])))
    return sorted(threads), live


def _stamp_chains(infos: list[_Info]) -> list[list[int]]:
    """Lines whose time stamps share a shape, each a few lines below the one before, several."""
    by_shape: dict[str, list[int]] = {}
    for k, i in enumerate(infos):
        if i.stamp:
            by_shape.setdefault(i.stamp, []).append(k)
    chains = []
    for stamps in by_shape.values():
        if len(stamps) < settings.THREAD_MIN_STAMPS:
            continue
        chain = [stamps[0]]
        for k in stamps[1:] + [len(infos) + settings.THREAD_MAX_GAP + 1]:
            if k - chain[-1] <= settings.THREAD_MAX_GAP:
                chain.append(k)
                continue
            if len(chain) >= settings.THREAD_MIN_STAMPS:
                chains.append(chain)
            chain = [k]
    return chains


def _live_posts(infos: list[_Info], stamps: list[int]) -> list[_Info] | None:
    """A live blog's updates, each its time, then its headline, a credit line or two and its
    text ("5:15 p.m. ET, March 5, 2024", "CDC sends team to help with outbreak response", "From
    CNN's John Roe", its text): the article's own posts, not a thread of comments (a comment's
    text, or "Reply", is under its time; a blog's posts have their headline above it) nor a list
    of headlines with their times (the next time is under each). Each headline has its own
    words: a comment's buttons ("Click to rate Rating 4") say the same each time. Returns the
    posts' credit lines, or None when the stamps head no live blog's posts."""
    posts = {k: credits for k in stamps if (credits := _post_credits(infos, k)) is not None}
    titles = {frozenset(_wording(infos[k + 1].line.text)) for k in posts}
    if len(posts) >= settings.LIVE_POSTS_MIN_SHARE * len(stamps) and len(titles) == len(posts):
        return [i for credits in posts.values() for i in credits]
    return None


def _post_credits(infos: list[_Info], k: int) -> list[_Info] | None:
    """The credit lines of a post under the stamp at line k: a headline under the stamp, then
    prose past a few short lines that no pattern knows ("From CNN's Jane Doe"; not "Report
    abuse" or "Reply"), which are returned. None when no post stands there."""
    if not (k + 2 < len(infos) and _headline_shape(infos[k + 1])):  # (not cached: a marking pass asks)
        return None
    credits = []
    for i in infos[k + 2: k + 3 + settings.LIVE_POST_CREDIT_LINES]:
        if i.cls == GOOD:
            return credits
        if i.pattern or i.stamp or i.f.tokens > settings.SHORT_MAX_TOKENS:
            return None
        credits.append(i)
    return None


def _article_region(infos: list[_Info], threads: list[tuple[int, int, int]], w: Weights,
                    title_hints: tuple[str, ...] = (), arrows: list[int] = (),
                    live: set[int] = frozenset()) -> tuple[int, int] | None:
    """The article: a run of lines with a high score (prose adds, chrome costs). Of the runs,
    the first that scores a good share of the best wins, and, before an article-ending line
    (comments, the next post), one long enough on its own: the article comes first. A run
    that starts inside a comment thread, past its first post, is the article only when there
    is no other. `arrows`: the lines of link arrows ("« Older post title"), a post pager's;
    `live`: a live blog's post stamps (_comment_threads)."""
    for i in infos:
        if i.cls == GOOD and not i.pattern and not i.byline:  # (prose, most lines: _score's answer)
            i.score = float(i.f.tokens)
        else:
            i.score = _score(i, w)
    # a photo's own share button ("Share on Pinterest"), next to its credit or caption, is the
    # photo's; a link to another story between two paragraphs ("RELATED: …") an aside
    for k in [k for k, i in enumerate(infos) if i.pattern and i.pattern.reason in _ASIDE_WHYS]:
        if (any(j.pattern and j.pattern.label == CAPTION for j in infos[max(0, k - 1): k + 2])
                if infos[k].pattern.reason == _SHARE_WHY
                else 0 < k < len(infos) - 1 and infos[k - 1].cls == GOOD == infos[k + 1].cls):
            infos[k].score = 0.0
    signed = _signed_headlines(infos)
    # a headline right under a blog's post pager heads the post as a byline would
    paged = [k + 1 for k in arrows if k + 1 < len(infos) and infos[k + 1].base_cls != GOOD
             and _under_post_pager(infos, k + 1) and _headline_like(infos[k + 1])]
    if paged:
        signed = sorted(set(signed).union(paged))
    # A byline under a headline that counts the comments ("Posted by Bob | 1 Comment") heads
    # the article: it is no comments line ending one.
    heads = {h + d for h in signed for d in range(1, settings.TITLE_BYLINE_MAX_GAP + 1)}
    cuts = {k for k, i in enumerate(infos)
            if i.pattern and (i.pattern.ends_article and not (i.byline and k in heads)
                              or i.pattern.ends_before_thread and _opens_comments(infos, k, threads))}
    runs = _runs_between_cuts([i.score for i in infos],
                              sorted(cuts | {k for start, second, _ in threads for k in (start, second)}),
                              signed)
    # Past a thread's first post, or under "About Me", a run is the article only if no other is.
    bios = [k for k, i in enumerate(infos) if i.pattern and i.pattern.heads_bio]
    outside = [r for r in runs if not any(second <= r[2] <= end for _, second, end in threads)
               and not _just_under(infos, r[2], bios, settings.BIO_MAX_GAP)]
    runs = outside or runs
    if not runs:
        return None
    best_piece, best = max(((p, score) for p, score, _, _ in runs), key=lambda r: r[1])
    # The first run with a good share of the best wins; before an article-ending line (the
    # comments, the next post) a run long enough on its own wins too. But when such a run stands
    # under a headline with its byline or date, the runs above it are not the article: a box of
    # "about me" or of teasers has no byline. (Past an article-ending line, what has a byline
    # is a comment.)
    contenders = [r for r in runs if r[1] >= w.FIRST_RUN_SHARE * best
                  or (r[0] < best_piece and r[1] >= w.FIRST_RUN_MIN_SCORE)]
    chosen = contenders[0]
    if not _just_under(infos, chosen[2], signed):
        chosen = next((r for r in contenders[1:] if r[0] == chosen[0]
                       and r[1] >= w.SIGNED_RUN_MIN_SHARE * chosen[1]
                       and _just_under(infos, r[2], signed)), chosen)
    if not _just_under(infos, chosen[2], signed):
        chosen = _run_under_page_headline(infos, runs, chosen, signed, title_hints)
    _, score, start, end = chosen
    prose = [k for k in range(start, end + 1) if infos[k].cls == GOOD]
    if not prose:
        return None
    # what stands before the first prose is the header's to label
    return _with_unfinished_lines(infos, _below_inner_headline(infos, prose, signed, title_hints, live)), end


def _run_under_page_headline(infos: list[_Info], runs: list[tuple[int, float, int, int]],
                             chosen: tuple[int, float, int, int], signed: list[int],
                             title_hints: tuple[str, ...]) -> tuple[int, float, int, int]:
    """The run under the page's own headline, when the chosen run stands above it: the first
    signed headline below that run, which the page names again (a breadcrumb's last item, its
    <title>), heads the article, however short; what stands above it is the site's (a box of
    testimonials, a book's blurb)."""
    h = next((h for h in signed if h > chosen[3]), None)
    if h is None:
        return chosen
    i = infos[h]
    if not (_hints_of(i, title_hints) or i.repeated == 1 and (
            _repeated(infos, i, _page_text(infos))
            or any(i.line.text in j.line.text and _last_crumb(j.line.text, i, any_length=True)
                   for j in infos[max(0, h - settings.META_ABOVE_TITLE_LINES): h]))):
        return chosen
    return next((r for r in runs if r[2] > h and _just_under(infos, r[2], [h])), chosen)


_UNFINISHED = re.compile(r"[,，;；]$")


def _with_unfinished_lines(infos: list[_Info], start: int) -> int:
    """The article's first line, moved up over lines right above it that end in a comma: a
    sentence goes on from them into it (a poem's first line, "He prays for storms,")."""
    while (start > 0 and _UNFINISHED.search(infos[start - 1].line.text) and infos[start - 1].cls != BAD
           and infos[start - 1].f.items == 1 and not infos[start - 1].pattern and not infos[start - 1].byline):
        start -= 1
    return start


def _below_inner_headline(infos: list[_Info], prose: list[int], signed: list[int],
                          title_hints: tuple[str, ...] = (), live: set[int] = frozenset()) -> int:
    """The run's first prose line, or, when a headline with its byline or date, or the one the
    markup names, stands a few paragraphs into the run, the first under it: the prose above it
    is a box of the site's (a blog's motto, "About me"), shorter than the article that follows.
    A live blog's post under its time (a stamp of `live`) is the article's."""
    first = prose[0]
    box_end = prose[min(len(prose) - 1, settings.BOX_MAX_PROSE_LINES)]
    for h in range(first + 1, min(prose[-1], box_end)):
        if infos[h].line.text.startswith("(") or infos[h].f.prose_punct > 2:
            continue  # "(Credit: Jane Roe)", "Labels: apps, mobile, tablets, …": no headline
        dated = _headline_length(infos[h]) and any(  # (a dated byline under the prose, right above it)
            infos[k].byline and k not in live and is_dated_byline(infos[k].line.text)
            for k in range(max(first + 1, h - settings.META_ABOVE_TITLE_LINES), h))
        if h in signed or _headline_like(infos[h]) and dated or _hints_of(infos[h], title_hints):
            above = sum(infos[k].f.tokens for k in prose if k < h)
            below = sum(infos[k].f.tokens for k in prose if k > h)
            if above < below:
                return next(k for k in prose if k > h)
            break
    return first


def _under_post_pager(infos: list[_Info], h: int) -> bool:
    """Line h stands right under a blog's post pager: "« Older post | Newer post »", or its two
    links on lines of their own ("« Older post title", then "Newer post title »")."""
    above = infos[h - 1]
    if above.line.text[:1] in _ARROWS_BACK:
        return bool(_POST_PAGER.match(above.line.text) or _link_arrow(above))
    return _link_arrow(above) and h >= 2 and infos[h - 2].line.text[:1] in _ARROWS_BACK and _link_arrow(infos[h - 2])


def _link_arrow(i: _Info) -> bool:
    return bool(i.pattern and i.pattern.reason == _LINK_ARROW)


def _opens_comments(infos: list[_Info], k: int, threads: list[tuple[int, int, int]]) -> bool:
    """A bare "Comments" line heads the comments when a post's footer (its byline) stands right
    above it or a thread starts right below it; elsewhere it is a tab or a share button."""
    return (any(i.byline for i in infos[max(0, k - 2): k])
            or any(0 < start - k <= settings.THREAD_MAX_GAP for start, _, _ in threads))


def _signed_headlines(infos: list[_Info]) -> list[int]:
    """Headline-shaped lines with a byline that holds a date or "By Name" under them, each the
    start of an article or a post (a line of names alone, or "Time: 60 minutes", is too weak a
    sign here)."""
    found = []
    for k in [k for k, i in enumerate(infos) if i.byline]:
        i = infos[k]
        for h in range(k - 1, max(-1, k - 1 - settings.TITLE_BYLINE_MAX_GAP), -1):
            if infos[h].base_cls == GOOD:
                break
            if _headline_like(infos[h]):
                if (not found or found[-1] != h) and is_dated_byline(i.line.text):
                    found.append(h)
                break
    return found


def _just_under(infos: list[_Info], start: int, heads: list[int],
                within: int = settings.TITLE_SEARCH_LINES) -> bool:
    """One of the lines `heads` (signed headlines, "About Me") stands just above the run's first
    prose, at most `within` lines above it."""
    first = next((k for k in range(start, len(infos)) if infos[k].cls == GOOD), start)
    return any(first - within <= h < first for h in heads)


def _list_score(i: _Info) -> float:
    """What a line adds to a page of tables or lists: any content-shaped line its tokens (a
    timetable repeats its rooms and times, but so do menus: a repeated line adds nothing),
    chrome costs as before."""
    if i.pattern and i.pattern.label != BOILERPLATE or i.byline or _list_repeat(i):
        return 0.0
    if i.cls != BAD:
        return float(i.f.tokens)
    if i.why == _NO_LETTERS_WHY:
        return 0.0  # "9:20—9:50"
    return -(settings.BAD_LINE_COST + i.f.tokens)  # the hand value: list pages are not fitted


def _list_repeat(i: _Info) -> bool:
    return i.cls == BAD and i.base_cls != BAD and i.why.startswith("repeated")


def _list_page_region(infos: list[_Info], prose_region: tuple[int, int] | None) -> tuple[int, int] | None:
    """A page whose content is an agenda, a timetable or a table has little prose or none: then
    the largest block of content-shaped lines is the article, when it is long, holds the prose
    found and outweighs it many times."""
    prose = _prose_tokens(infos, prose_region)
    if prose > settings.LIST_PAGE_MAX_PROSE:
        return None  # an article (most pages)
    runs = _runs_between_cuts([_list_score(i) for i in infos], [
        k for k, i in enumerate(infos)
        if i.pattern and (i.pattern.ends_article or i.pattern.ends_before_thread or i.pattern.starts_list)])
    if not runs:
        return None
    _, score, start, end = max(runs, key=lambda r: r[1:])
    if score < max(settings.LIST_PAGE_MIN_TOKENS, settings.LIST_PAGE_MIN_RATIO * prose):
        return None
    if prose_region and not start <= prose_region[0] <= prose_region[1] <= end:
        return None
    # The block may have taken in its headline: the header begins after a signed one.
    for k in range(start, min(end, start + settings.TITLE_SEARCH_LINES)):
        if _headline_like(infos[k]) and _signed(infos, k, end + 1):
            return k + 1, end
    return start, end


def _photo_story_region(infos: list[_Info], prose_region: tuple[int, int] | None) -> tuple[int, int] | None:
    """A photo story or a gallery: a page of next to no prose whose content is its captions, each
    a sentence or more with its credit ("凌晨2点，护士李娜正在为一名早产儿更换尿布。中新网记者
    王明 摄"), three or more a few lines apart (a counter, "2/6", between). The captions' run."""
    captions = [k for k, i in enumerate(infos) if _story_caption(i)]
    if len(captions) < settings.PHOTO_STORY_MIN_CAPTIONS:
        return None  # (most pages)
    if _prose_tokens(infos, prose_region) > settings.LIST_PAGE_MAX_PROSE:
        return None  # an article
    best, run = [], []
    for k in captions:
        if run and k - run[-1] > settings.PHOTO_STORY_MAX_GAP:
            run = []
        run.append(k)
        best = max(best, run, key=len)
    if len(best) < settings.PHOTO_STORY_MIN_CAPTIONS or prose_region and not (
            best[0] <= prose_region[0] and prose_region[1] <= best[-1]):
        return None
    return best[0], best[-1]


def _story_caption(i: _Info) -> bool:
    """A caption long enough to tell a photo story's part (a sentence or more)."""
    return bool(i.pattern) and i.pattern.label == CAPTION and i.f.tokens >= settings.PHOTO_STORY_MIN_TOKENS


def _prose_tokens(infos: list[_Info], region: tuple[int, int] | None) -> int:
    """The tokens of the prose lines in `region` (none without one)."""
    return 0 if region is None else sum(i.f.tokens for i in infos[region[0]: region[1] + 1] if i.cls == GOOD)


def _label_photo_story(infos: list[_Info], start: int, end: int) -> None:
    for i in infos[start: end + 1]:
        if _story_caption(i):
            _set(i, BODY, "caption of a photo story")
        elif i.cls == GOOD:
            _set(i, BODY, "prose")
        else:
            _set(i, BOILERPLATE, "inside a photo story: " + i.why)


def _label_list_page(infos: list[_Info], start: int, end: int) -> None:
    for i in infos[start: end + 1]:
        if _label_by_pattern(i):
            continue
        if _list_score(i) > 0 or _list_repeat(i):
            _set(i, BODY, "line of a list page" if i.cls != GOOD else "prose")
        else:
            _set(i, BOILERPLATE, "inside a list page: " + i.why)


def _set(i: _Info, label: str, reason: str) -> None:
    i.line.label, i.line.reason = label, reason


def _label_by_pattern(i: _Info) -> bool:
    """Captions, bylines and editor lines keep their label wherever they stand near the article."""
    if i.pattern and i.pattern.label == CAPTION:
        _set(i, CAPTION, i.pattern.reason)
    elif i.pattern and i.pattern.label == META:
        _set(i, META, i.pattern.reason)
    elif i.byline:
        _set(i, META, "byline")
    else:
        return False
    return True


def _label_body(infos: list[_Info], start: int, end: int, paragraph_lines: bool = False,
                link_lines: list[int] = (), contents_heads: set[int] = frozenset()) -> None:
    """`paragraph_lines`: the page is in mch's own text format, each line a paragraph that a
    first pass kept (running text or a heading over it, whose neighbours may since be gone).
    `link_lines`: HTML's lines of link text. `contents_heads`: the headings a list of the
    article's parts names (_keep_contents_and_headings): headings whatever their words."""
    in_list = False  # after "相关新闻" / "Related" inside the article, up to its next prose
    announced = False  # after a line of the article ending in ":", up to the end of its list
    linked = _linked_headings(infos, start, end, link_lines)
    for k in range(start, end + 1):
        i = infos[k]
        if _label_by_pattern(i):
            continue
        in_list = (in_list and i.cls != GOOD) or bool(i.pattern and i.pattern.starts_list)
        # a list's items: short lines (HTML's <li> lost their bullets in the text), numbered prose
        announced = announced and not i.pattern and i.cls != BAD and (
            i.cls != GOOD or bool(_ITEM_MARK.match(i.line.text)))
        if i.cls == GOOD:
            _set(i, BODY, "prose")
        elif in_list and not i.pattern:
            _set(i, BOILERPLATE, "link list inside the article")
        elif announced and i.cls != BAD:
            _set(i, BODY, "list item inside the article")
        elif i.why == _TRUNCATED_WHY and _between_prose(infos, k, start, end):
            _set(i, BODY, "trailing off inside the article")  # "The correct diagnosis is…"
        elif k in linked:
            _set(i, HEADING, "linked sub-heading before prose")
        elif k in contents_heads and _next_is_prose(infos, k, end):
            _set(i, HEADING, "sub-heading the contents list names")  # ("Summary": a button's word too)
        elif i.cls == BAD or i.why == _RULE_WHY:
            _set(i, BOILERPLATE, i.why)
        elif i.running:
            _set(i, BODY, "running text inside the article")
        elif (i.f.tokens <= settings.HEADING_MAX_TOKENS and _next_is_prose(infos, k, end)
              and (paragraph_lines or chrome_word_share(i.line.text) < 0.5)):  # "Facebook", "Related Stories"
            _set(i, HEADING, "sub-heading before prose")  # (mch's text format: the first pass kept it, "Summary")
        elif paragraph_lines and not i.pattern and chrome_word_share(i.line.text) < 0.5:
            _set(i, BODY, "paragraph of mch's text format")
        elif _ITEM_BULLET.match(i.line.text) and not i.pattern:
            _set(i, BODY, "list item inside the article")  # "– Focusing speed": a bullet, not a link
        elif _in_short_list(infos, k, start, end):
            _set(i, BODY, "list item inside the article")
        else:
            _set(i, BOILERPLATE, "short line inside the article")
        if (_announces_list(i) and k < end and infos[k + 1].cls in (SHORT, NEAR)
                and not infos[k + 1].pattern):  # "The winners include:", "Key dates:"
            announced = True
            if i.line.label != BODY:
                _set(i, BODY, "announces a list inside the article")


def _linked_headings(infos: list[_Info], start: int, end: int, link_lines: list[int]) -> set[int]:
    """HTML: the article's sub-headings that are links (a list of talks, each title linked and
    described below): headline-shaped link lines between two paragraphs, whose paragraph below
    takes up their wording ("Keith Nolan: Deaf in the military", "Keith Nolan grew up …"), two
    or more. An inline link to another story is read on by its next paragraph, not described."""
    found = {k for k in link_lines if start < k < end and infos[k].why.startswith("link text")
             and infos[k].base_cls in (SHORT, NEAR) and _between_prose(infos, k, start, end)
             and _headline_like(infos[k]) and _wording_overlap(infos[k].line.text, infos[k + 1].line.text)
             >= settings.LINKED_HEADING_MIN_OVERLAP}
    return found if len(found) >= 2 else set()


def _between_prose(infos: list[_Info], k: int, start: int, end: int) -> bool:
    """Prose of the article stands right above line k and right under it."""
    return start < k < end and infos[k - 1].cls == GOOD and infos[k + 1].cls == GOOD


def _list_item_shaped(i: _Info) -> bool:
    return i.cls in (SHORT, NEAR) and not i.pattern and not i.byline and chrome_word_share(i.line.text) < 0.5


def _in_short_list(infos: list[_Info], k: int, start: int, end: int) -> bool:
    """Line k is one of several short lines in a row between two paragraphs of the article: the
    items of a list whose bullets were lost ("Search in a file", "Switch files", …)."""
    if not _list_item_shaped(infos[k]):
        return False
    lo = hi = k
    while lo > start and _list_item_shaped(infos[lo - 1]):
        lo -= 1
    while hi < end and _list_item_shaped(infos[hi + 1]):
        hi += 1
    return (hi - lo + 1 >= settings.LIST_AFTER_MIN_ITEMS and infos[lo - 1].cls == GOOD
            and hi < end and infos[hi + 1].cls == GOOD)


def _announces_list(i: _Info) -> bool:
    return (not i.pattern and i.cls != BAD and i.line.text.endswith(_ANNOUNCES)
            and chrome_word_share(i.line.text) < 0.5)  # not "Related links:", "Share this:"


# "Jane Roe (@jroe) is a staff writer at the Daily …": the author's biography under a post
_BIO = re.compile(r"^[\"“]?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?: \([^)]*\))?,? (?:- [^.]{0,60} )?"
                  r"(?:is|was|has been|serves as|covers|covered|writes|joined)\b.{0,120}?"
                  r"\b(?i:reporter|editor|writer|author|contributor|columnist|journalist|correspondent|blogger)"  # (a title: "Health Correspondent")
                  # "About the author: Jane Roe …", "This post was written by Jane Roe, who …"
                  r"|^(?i:about the author\s*[:：]|(?:this|the) (?:article|post|story|guest post) (?:is|was) (?:written|contributed) by\b)"
                  # "作者简介：…", "Joel Spolsky 是纽约市一家小软件公司……的创始人。": the same in Chinese
                  r"|^(?:作者简介|作者介绍|关于作者|作者簡介|作者介紹|關於作者)\s*[:：]"
                  r"|^[\u4e00-\u9fff·A-Za-z .'-]{2,24}\s*(?:是|为|為|系)[^。]{0,60}?的?(?:创始人|創始人|作者|记者|記者|编辑|編輯|专栏作家|專欄作家|撰稿人|主编|主編)[。，,]"
                  # "Jane Roe (@jroe) is a …, who lives in …", "I'm a nurse turned mom. I live in …": a
                  # person introduced, and where to find her
                  r"|^(?:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?: \([^)]*\))?,? (?:is|serves as)|(?:I am|I'm)) (?:a|an|the|[A-Z]\w+ of)\b"
                  r".{0,160}?(?:\b(?:lives|living|based|I live) in\b|\benthusiast\b|\bfollow (?:him|her)\b|\b(?:his|her) (?:website|blog)\b|\(@\w+\))")


def _drop_headings_of_nothing(infos: list[_Info]) -> None:
    """A sub-heading whose text went (a biography under "Ask Bob") heads nothing: the last
    headings of the article, with no body line after them, are not kept."""
    for i in reversed(infos):
        if i.line.label == BODY:
            return
        if i.line.label == HEADING:
            _set(i, BOILERPLATE, "sub-heading with no text under it")


def _label_bio(infos: list[_Info], start: int, end: int) -> int:
    """The article's last paragraphs, when they introduce its author, are the site's. Returns
    the new end of the article."""
    k = end
    bio = _bio_under_article(infos, start, end)
    if bio is not None and bio < end:
        for i in infos[bio + 1: end + 1]:
            i.line.label, i.line.reason = BOILERPLATE, "outside article: under the author's bio"
        k = end = bio
    while k > start and infos[k].cls in (GOOD, NEAR) and _BIO.match(infos[k].line.text):
        _set(infos[k], BOILERPLATE, "about the author")
        k -= 1
        while k > start and infos[k].line.label != BODY:
            k -= 1  # a photo of the author, the author's name
    if k == end:
        return end
    # What the run took in only to reach the biography (a list of teasers above it) is not the
    # article's: it ends where its score peaks without the biography.
    sums = list(accumulate(i.score for i in infos[start: k + 1]))
    last = start + sums.index(max(sums))
    for i in infos[last + 1: k + 1]:
        i.line.label, i.line.reason = BOILERPLATE, "outside article: " + i.why
    return last


def _bio_under_article(infos: list[_Info], start: int, end: int) -> int | None:
    """The author's bio among the article's last lines: the last, or with a line or two of the
    site's kept under it (its topics, its motto)."""
    kept = 0
    for b in range(end, start, -1):
        i = infos[b]
        if i.cls in (GOOD, NEAR) and _BIO.match(i.line.text):  # (NEAR: "… More about Jane Roe")
            return b
        kept += i.line.label in (BODY, HEADING)
        if kept > settings.BIO_MAX_LINES_UNDER:
            return None
    return None


def _label_appendix(infos: list[_Info], end: int) -> int:
    """An appendix announced right after the article ("附：", "Appendix") is the article's, table
    lines and all, up to the next boilerplate pattern. Returns the new end of the article."""
    k = end + 1
    if k >= len(infos) or infos[k].pattern or not _APPENDIX.match(infos[k].line.text):
        return end
    while k < len(infos) and not (infos[k].pattern and infos[k].pattern.label == BOILERPLATE):
        if not _label_by_pattern(infos[k]):
            _set(infos[k], BODY, "appendix to the article")
        k += 1
    return k - 1


def _label_closing(infos: list[_Info], end: int) -> int:
    """A letter's closing right under the article ("Sincerely,", "Love,") and the signature under
    it (a line or two, short) end the letter: they are its text. Returns the new end."""
    k = end + 1
    if k >= len(infos) or infos[k].pattern or not _CLOSING.match(infos[k].line.text):
        return end
    _set(infos[k], BODY, "a letter's closing")
    for j in range(k + 1, min(k + 1 + settings.SIGNATURE_MAX_LINES, len(infos))):
        i = infos[j]
        if i.pattern or i.cls == GOOD or i.f.tokens > settings.SIGNATURE_MAX_TOKENS:
            break
        _set(i, BODY, "a letter's signature")
        k = j
    return k


# An official notice's issuer under its text ("吉林省人民政府", "市卫生健康委", "国务院办公厅")
_ISSUER = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(?:政府|委员会|委|局|厅|院|办公室|办|中心|部|处|会|医院|学校)$")


def _label_signature(infos: list[_Info], end: int) -> int:
    """An official notice's issuer and date under it ("吉林省人民政府", "2022年1月27日"), past its
    closing formula ("特此通告。") and its attachments ("附件：…"): they sign it, and are its
    text. Returns the new end."""
    k = end + 1
    while k < len(infos) and k <= end + settings.SIGNATURE_MAX_LINES and not infos[k].pattern and (
            infos[k].line.text.startswith(_ATTACHMENT) or infos[k].cls != GOOD and infos[k].f.ends_sentence
            and infos[k].f.tokens <= settings.SIGNATURE_MAX_TOKENS):
        k += 1
    if k + 1 >= len(infos) or infos[k].pattern or not _ISSUER.match(infos[k].line.text):
        return end
    date = infos[k + 1].line.text
    dates = find_dates(date)
    if not dates or tokens_beside_dates(date, dates) or infos[k + 1].pattern:
        return end
    for i in infos[end + 1: k]:
        _set(i, BODY, "a notice's closing")
    _set(infos[k], BODY, "a notice's issuer")
    _set(infos[k + 1], BODY, "a notice's date")
    return k + 1


_ATTACHMENT = ("附件：", "附件:", "附件1", "附件 ")


def _label_announced_list(infos: list[_Info], end: int) -> int:
    """A list the article announces ("The ten freest economies:", "Here are a few tips:") at or
    right under its last paragraph is the article's: its items are short, so the article's run of
    prose stopped before them. Items are numbered from 1 on, or stand behind one bullet, or, when
    a sentence of the article announces them, are unmarked lines of several words; prose right
    under the list is the article's again. Returns the new end of the article."""
    for k in range(end, min(len(infos) - 1, end + 1 + settings.LIST_AFTER_MAX_GAP)):
        i = infos[k]
        if k > end and (i.pattern or i.cls == BAD or i.byline):
            return end
        if i.line.text.endswith(_ANNOUNCES):
            break
    else:
        return end
    if chrome_word_share(infos[k].line.text) > 0.5:
        return end  # "Related content:", "Popular posts:": a list of links ("New features:" is no such)
    first = infos[k + 1].line.text
    bullet = _ITEM_BULLET.match(first)
    numbered = not bullet and _ITEM_NUMBER.match(first)
    amounts = not bullet and not numbered and _QUANTITY.match(first)
    items, n = k + 1, 0
    while items < len(infos):
        i = infos[items]
        if i.pattern and i.pattern.label == BOILERPLATE or i.byline:
            break
        text = i.line.text
        if bullet:
            if not text.startswith(bullet.group(1)) or not _ITEM_BULLET.match(text):
                if not _group_heading(infos, items, bullet.group(1)):
                    break
                items += 1  # "CONNECTIVITY", "Fixes:": a heading over the list's next group of items
                continue
        elif numbered:
            number = _ITEM_NUMBER.match(text)
            if not number or int(number.group(1)) != n + 1:
                break
        elif amounts:  # "Ingredients:": amounts, and "salt to taste" among them
            if i.cls not in (SHORT, NEAR) or i.f.tokens > settings.LIST_AFTER_MAX_ITEM_TOKENS:
                break
        elif (infos[k].cls != GOOD  # "More stories:" and headlines: no list of its
              or not (i.cls == NEAR or i.cls == SHORT and chrome_word_share(text) < 0.5)):  # ("Pinterest is fourth", not "Share")
            break
        items, n = items + 1, n + 1
    if amounts:  # up to its last amount, when most of its items are amounts
        last = max(x for x in range(k + 1, items) if _QUANTITY.match(infos[x].line.text))
        n = sum(bool(_QUANTITY.match(i.line.text)) for i in infos[k + 1: last + 1])
        if 2 * n < last - k:
            return end
        items = last + 1
    if n < settings.LIST_AFTER_MIN_ITEMS:
        return end
    while items < len(infos) and infos[items].cls == GOOD and not infos[items].pattern:
        items += 1  # the article goes on under its list
    for i in infos[k: items]:
        if i.line.label != BODY and not _label_by_pattern(i):
            _set(i, BODY, "list announced by the article" if i.cls != GOOD else "prose")
    return items - 1


def _group_heading(infos: list[_Info], k: int, bullet: str) -> bool:
    """A short line between two groups of a bulleted list, each item behind `bullet`."""
    i = infos[k]
    return (k + 1 < len(infos) and i.cls == SHORT and not i.pattern and not i.byline
            and infos[k + 1].line.text.startswith(bullet) and bool(_ITEM_BULLET.match(infos[k + 1].line.text)))


def _table_row(i: _Info) -> bool:
    """"西米布丁 未标注 北京空港配餐有限公司 菌落总数cfu/g(≤1500/2000)": cells with figures."""
    return (i.f.items >= settings.TABLE_MIN_CELLS and i.f.mean_item_tokens >= settings.TABLE_MIN_CELL_TOKENS
            and not _ENDS_WITH_TIME.search(i.line.text))


def _label_table(infos: list[_Info], end: int) -> int:
    """A table right after the article (its rows: several cells, figures in most) is the
    article's, up to its last row. Returns the new end of the article."""
    block = []
    for i in infos[end + 1:]:
        if i.pattern or i.base_cls in (BAD, GOOD) or i.byline:
            break
        block.append(i)
    rows = [k for k, i in enumerate(block) if _table_row(i)]
    with_figures = sum(any(c.isdigit() for c in block[k].line.text) for k in rows)
    if (len(rows) < settings.TABLE_MIN_ROWS or len(rows) < settings.TABLE_MIN_ROW_SHARE * (rows[-1] + 1)
            or with_figures < len(rows) / 2):
        return end
    for i in block[: rows[-1] + 1]:
        _set(i, BODY, "table after the article")
    return end + rows[-1] + 1


def _next_is_prose(infos: list[_Info], k: int, end: int) -> bool:
    """The next line that stays in the article reads as running text: captions, rules and
    bylines between are skipped (a byline's "November 1, 2012" is no text under a heading)."""
    for i in infos[k + 1: end + 1]:
        if i.pattern and i.pattern.label in (CAPTION, META) or i.why == _RULE_WHY or i.byline:
            continue
        return i.running
    return False


_ENDS_LIKE_A_LEAD = re.compile(r"[。:：]$")
# A style sheet's or a script's text, dumped with the page's: never a headline
# (".title{font-size:22px}", "@media screen { … }", "var _hmt = _hmt || [];", "document.write(…)")
CODE = re.compile(r"\{[^{}]*[:;]|[{};]$|^(?:var|let|const|function)\b|\b(?:document|window)\.\w")
_STARTS_LIKE_A_LIST = re.compile(r"[◎●•·▶►■□◆◇○★☆※→>»|\-–—*]")


_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[a-z]{2,6}){1,2}$", re.IGNORECASE)  # "AndersonCooper.com"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_MASTHEAD = re.compile(r"The (?:[A-Z][\w.'’-]+ ){0,3}(?:Journal|Times|Post|Herald|Tribune|Gazette|Chronicle|"
                       r"Telegraph|Guardian|Independent|Observer|Star-Ledger)$")  # "The Wall Street Journal"


# "Watch CBS Shows Now", "Download the app today": a call to action, a promotion's button.
_CALL_TO_ACTION = re.compile(r"(?:watch|get|buy|download|subscribe|join|follow|sign up|click|try|shop|order|register"
                             r"|listen)\b.*\b(?:now|today|here|free)[.!]?$", re.IGNORECASE)
# A Q&A page's label over an answer ("医生回答", "Best answer"): no headline, not even of the answer
_ANSWER_LABEL = re.compile(r"^(?:医生|医师|专家|网友|最佳)?(?:回答|解答|答复)\s*[:：]?$|^(?:best |expert |doctor's )?answers?\s*:?$",
                           re.IGNORECASE)
# A line led by the home page and a separator is navigation ("首页-国际-国内-社会", "Home - News").
_NAVIGATION = re.compile(r"(?:首[页頁]|主[页頁]|home)\s*[-－—/|｜>»·]", re.IGNORECASE)


def _headline_like(i: _Info) -> bool:
    """Line i has a headline's shape (asked many times a line by the headline search)."""
    if i.headline is None:
        i.headline = _headline_shape(i)
    return i.headline


def _headline_shape(i: _Info) -> bool:
    f = i.f
    # (the record's own counts first: most lines fail them, and spare the regexes below)
    if (i.base_cls not in (SHORT, NEAR) or i.pattern or i.byline or f.breadcrumb
            or f.items >= 8 or not (f.han >= 4 or f.words >= 2)
            or f.han > settings.TITLE_MAX_HAN or f.words > settings.TITLE_MAX_WORDS
            or f.han > f.words and f.items >= 5 and f.mean_item_tokens <= 4):  # "控制面板 发表文章 …"
        return False
    text = i.line.text
    if ("http" in text or _DOMAIN.match(text) or _MASTHEAD.match(text)  # the site, not its story
            or "@" in text and _EMAIL.search(text)):
        return False  # ("… https://t.co/…", then "— Name (@name) date": a post quoted in the article)
    if CODE.search(text) or _NAVIGATION.match(text) or _CALL_TO_ACTION.match(text) or _ANSWER_LABEL.match(text):
        return False
    # A headline may recur: in the page's own ranking list, on other pages of the corpus.
    return (not _ENDS_LIKE_A_LEAD.search(text)
            and not _STARTS_LIKE_A_LIST.match(text)
            and not (f.words and _name_line(i))  # "Denis Campbell" signs, not heads
            and not (f.words > f.han and (_lower_first_word(text)  # "reddit this", not "iPad Mini …"
                                          or chrome_word_share(strip_widget_prefix(text)) >= 0.5))  # "Breaking News"
            and not (f.han > f.words and chinese_chrome_share(text) >= 0.5))  # "網頁搜尋"


def _subtitle(i: _Info, header: set[str]) -> bool:
    """Line i, right under the headline and right over the article, is a second headline: a
    subtitle ("“厕所革命”改善农牧区人居环境" over "去年改造户用卫生厕所4.66万座"). Not a
    timestamp, a credit, a handle or a call to action, which stand there as often."""
    text = i.line.text
    return (_headline_like(i) and text not in header and i.line.links < 0.5 and not text.isupper()
            and not i.f.pipes and "@" not in text and " for " not in text
            and not _CLOCK.search(text) and not find_dates(text))


def _label_dateline_over_buttons(infos: list[_Info], title: int) -> None:
    """A headline with no byline under it has its date above it, past a row of share buttons
    ("Oct 29, 2012 9:30 AM", then "Facebook", "Twitter", "Email this post", then the headline):
    only short lines between."""
    for k in range(title - 1, max(-1, title - 1 - settings.SIGNED_TITLE_SEARCH_LINES), -1):
        i = infos[k]
        if i.byline and is_dated_byline(i.line.text) and not i.pattern:
            _set(i, META, "byline above the headline, over its share buttons")
            return
        if i.base_cls != SHORT or i.line.label != BOILERPLATE:
            return


def _lower_first_word(text: str) -> bool:
    """The line starts with a lower-case word ("reddit this"); "iPad", "eBay" are names."""
    return text[0].islower() and not (len(text) > 1 and text[1].isupper())


# A staff member's role under their name: "Health reporter, BBC News", "Senior Correspondent"
_ROLE_LINE = re.compile(r"^(?:[\w'’&-]+ ){0,3}(?:reporter|correspondent|editor|writer|columnist|journalist)"
                        r"(?:,? (?:at|for|of|with)? ?[\w'’&. -]{2,40})?$", re.I)


def _label_header(infos: list[_Info], start: int, title_hints: tuple[str, ...], w: Weights) -> int | None:
    """Label the lines just above the article; return the index of the headline, if any."""
    lowest = max(0, start - settings.TITLE_SEARCH_LINES)
    title = _choose_headline(infos, start, title_hints, w)
    lowest = min(lowest, title) if title is not None else lowest
    top = title + 1 if title is not None else lowest
    texts = Counter(i.line.text for i in infos[top:start])
    header = {text for text, n in texts.items() if n > 1}  # a line twice under the headline is chrome
    if title is not None:
        header.add(infos[title].line.text)
    listed = False  # under "Most Popular", "Related": its items, not a lead
    for k in range(top, start):
        i = infos[k]
        listed = listed or bool(i.pattern and i.pattern.starts_list)
        if _label_by_pattern(i):
            continue
        if ((k - top < settings.NAME_LINE_MAX_DISTANCE or k + 1 < start and _ROLE_LINE.match(infos[k + 1].line.text))
                and _name_line(i)
                and (title is None or i.line.text not in infos[title].line.text
                     and not (infos[title].f.han > infos[title].f.words and not i.f.han))):
            # (a Chinese headline's author is named in Chinese: "Kim Jong-kook" under "金锺国"
            # is an infobox's romanisation; "Paris Meetup" under "Paris Meetup and Bootcamp" is
            # the first section's heading)
            _set(i, META, "author's name")
        elif k - top < settings.NAME_LINE_MAX_DISTANCE and _credited_name(infos, k, title):
            _set(i, META, CREDITED_NAME)
        elif i.cls == GOOD and _BIO.match(i.line.text):
            _set(i, BOILERPLATE, "about the author")  # ("Jane is a reporter for …, based in London.")
        elif title is not None and k == top and k + 1 == start and _subtitle(i, header):
            _set(i, HEADING, "subtitle under the headline")
        elif _in_headline_list(infos, k, top, start):
            _set(i, BOILERPLATE, "between headline and article: list of headlines")
        elif (not listed and (i.cls != BAD or _list_repeat(i) and i.line.text not in header)  # a standfirst recurs
              and ((i.f.ends_sentence or i.f.ends_colon and i.cls == GOOD) and i.f.prose_punct >= 1
                   or i.f.ends_colon and _leads_in(infos, k, start)
                   or _unpunctuated_prose(i))  # in a teaser ("…回顾一下众明星被打事件：" leads a list)
              and not any(j.pattern and j.pattern.heads_bio  # (not the author's, under "About me")
                          for j in infos[max(top, k - settings.BIO_MAX_GAP): k])
              and chrome_word_share(i.line.text) < 0.5):  # ("Copy Link URLCopied!")
            _set(i, BODY, "lead paragraph")
        else:
            _set(i, BOILERPLATE, "between headline and article: " + i.why)
    if title is not None:
        for k in range(max(0, title - settings.META_ABOVE_TITLE_LINES), title):
            if infos[k].byline:
                _set(infos[k], META, "byline above the headline")
        if not any(i.line.label == META and i.byline and is_dated_byline(i.line.text)
                   for i in infos[title + 1: start]):
            _label_dateline_over_buttons(infos, title)
    else:  # no headline found: a dated byline a little higher up, past a box, is still the article's
        for k in range(max(0, start - settings.SIGNED_TITLE_SEARCH_LINES), lowest):
            if infos[k].byline and is_dated_byline(infos[k].line.text) and not infos[k].pattern:
                _set(infos[k], META, "byline above the article")
    return title


CREDITED_NAME = "author's name, as the page credits it"
# A follow button or a follower count, as under an author's name on a blog or social site.
_FOLLOW = re.compile(r"^(?:\+\s?)?(?:关注|關注|follow)$|^(?:粉丝|粉絲|followers?)\s*[:：]?\s*\d|^\d[\d,.]*\s*(?:粉丝|粉絲|followers)",
                     re.IGNORECASE)


def _credited_name(infos: list[_Info], k: int, title: int | None) -> bool:
    """Line k is a pen name of two to four Han characters (no surname needed) that the page
    credits: the headline reads "X：…" ("茉莉" under "茉莉：我是怎样卷入八九民运的"), or a follow
    button or follower count stands right under it (an author's card: "魑皇" / "粉丝：23")."""
    text = infos[k].line.text
    if not (count_han(text) == len(text) and is_name(text)):  # (is_name: two to four of them)
        return False
    if title is not None and infos[title].line.text.startswith((text + "：", text + ":")):
        return True
    return any(_FOLLOW.match(j.line.text) for j in infos[k + 1: k + 3])


def _leads_in(infos: list[_Info], k: int, start: int) -> bool:
    """Line k, ending in ":", leads into the article right under it ("Jane Roe asked a variant
    of a perennial question:"): a sentence of six words or more."""
    i = infos[k]
    return k == start - 1 and (i.f.words >= settings.LEAD_IN_MIN_WORDS and i.f.stopword_share > 0
                               or i.f.han >= 2 * settings.LEAD_IN_MIN_WORDS)


def _in_headline_list(infos: list[_Info], k: int, top: int, start: int) -> bool:
    """Line k is one of three or more unpunctuated sentences in a row above the article: a box
    of headlines ("Recent Stories:", "STORY HIGHLIGHTS"), where a standfirst is one or two."""
    def listed(j: int) -> bool:
        i = infos[j]
        return not i.f.ends_sentence and not i.pattern and _unpunctuated_prose(i)
    if not listed(k):
        return False
    lo = hi = k
    while lo > top and listed(lo - 1):
        lo -= 1
    while hi + 1 < start and listed(hi + 1):
        hi += 1
    return hi - lo + 1 >= settings.HEADLINE_LIST_MIN_LINES


def _unpunctuated_prose(i: _Info) -> bool:
    """An English sentence that lost its full stop: long, in sentence case, with function words
    (a headline is in Title Case, a menu has no function words)."""
    if i.f.words < settings.LEAD_MIN_WORDS or i.f.stopword_share < settings.GOOD_MIN_STOPWORD_SHARE:
        return False  # (most lines: their words are not looked at)
    words = _latin_words(i)
    return sum(w[0].islower() for w in words) >= settings.SENTENCE_CASE_MIN_SHARE * len(words)


def _choose_headline(infos: list[_Info], start: int, title_hints: tuple[str, ...], w: Weights) -> int | None:
    """The headline above the article at `start`: of the headline-shaped lines near it, the
    one with a byline under it (share buttons and a standfirst may stand between), the one
    the page repeats (its <title>, a breadcrumb's last item), the nearest."""
    best, best_score, far_hinted = None, float("-inf"), None
    opening_text = " ".join(i.line.text for i in infos[start: start + settings.TITLE_OPENING_LINES] if i.cls == GOOD)
    page, opening = False, set()  # (made for the first line scored: many pages score none)
    # "Related Stories" and its links, and nothing else, between the headline and the article:
    # the lines under it are no headline, and the box counts no distance.
    listed = next((k for k in range(start - 1, max(-1, start - 1 - settings.SIGNED_TITLE_SEARCH_LINES), -1)
                   if infos[k].pattern and infos[k].pattern.starts_list), None)
    if listed is not None and not all(_headline_like(i) for i in infos[listed + 1: start]):
        listed = None
    distance = _distances(infos, start, settings.SIGNED_TITLE_SEARCH_LINES, listed)
    lowest = min(distance, default=start)
    # "« Older post | Home | Newer post »" right above the post: what stands above it is the
    # site's (its name, its motto), when a headline stands under it
    pager = next((k for k in range(start - 1, lowest - 1, -1) if _POST_PAGER.match(infos[k].line.text)), None)
    if pager is not None and any(_headline_like(i) for i in infos[pager + 1: start]):
        lowest = pager + 1
    if _headline_opens_article(infos, start) or _hints_of(infos[start], title_hints) and _headline_length(infos[start]):
        return start  # (the markup names the run's first line as the headline: "Who's using them?")
    for k in range(start - 1, lowest - 1, -1):
        i = infos[k]
        hints = _hints_of(i, title_hints)
        hinted = (hints > 0 and i.base_cls != BAD and not i.f.breadcrumb
                  and not CODE.search(i.line.text)
                  and not (i.f.words <= 3 and chrome_word_share(i.line.text) >= 0.5))  # ("Latest news")
        if (not (_headline_like(i) or hinted or _crumbed_and_signed(infos, k, start) or _sentence_headline(infos, k))
                or _SECTION_NUMBER.match(i.line.text) or _pull_quote(i, opening_text)):
            continue  # ("一、理解文革", "2. Add Lines": a section's heading inside the article)
        if listed is not None and k > listed and (start - listed > 2 or any(
                _headline_like(j) for j in infos[max(lowest, listed - settings.TITLE_SEARCH_LINES): listed])):
            continue  # an item of the box (one line under "Latest news" may be the headline)
        signed = _signed(infos, k, start)
        if distance[k] > settings.TITLE_SEARCH_LINES and not (
                _signed(infos, k, start, names=False) or hinted and (signed or hints >= 2) or _dated_above(infos, k)):
            if hinted and far_hinted is None:
                far_hinted = k  # the markup's headline, taken only where no other is found
            continue  # far above the article, a byline (under it or, dated, right above it) shows
            # a headline, a line of names only with the markup's word ("Sales and Marketing" over
            # "Medical Communications": a menu)
        if page is False:
            page, opening = _page_text(infos), _latin_wording(opening_text)
        score = (w.TITLE_SIGNED_BONUS * signed
                 + w.TITLE_OVERLAP_BONUS * _wording_overlap(i.line.text, opening_text, opening)
                 + w.TITLE_REPEATED_BONUS * _repeated(infos, i, page)
                 - w.TITLE_SENTENCE_PENALTY * bool(re.search(r"[。.]$", i.line.text))
                 + w.TITLE_LENGTH_BONUS * _full_length(i)
                 + w.TITLE_HINT_BONUS * (hinted and hints)  # (<h1>, og:title, <title>)
                 - w.TITLE_DISTANCE_PENALTY * distance[k])
        if score > best_score:
            best, best_score = k, score
    if best is None:
        return far_hinted
    below = best + 1
    if (below < start and not _full_length(infos[best]) and not _hints_of(infos[best], title_hints)
            and _headline_like(infos[below]) and _full_length(infos[below]) and _signed(infos, below, start)):
        return below  # a section's name over the headline ("Healthcare & Pharmaceuticals"), which the page repeats
    return _over_summary_points(infos, best, start)


def _over_summary_points(infos: list[_Info], k: int, start: int) -> int:
    """The headline over a run of summary points that `k` is one of: three or more full-length
    headline-shaped lines in a row, none a sentence ended, right over the byline ("Women who
    breastfed had a 10 per cent lower risk", "Benefits were seen in …", then "By Jane Roe"):
    the run's first line is the headline, the others its points. Points are written as
    sentences: a list of headlines ("Top stories" over it) is in Title Case, its last the headline."""
    def point(j: int) -> bool:
        return _headline_like(infos[j]) and _full_length(infos[j]) and not infos[j].f.ends_sentence
    top, bottom = k, k
    while top > 0 and point(top - 1):
        top -= 1
    while bottom + 1 < start and point(bottom + 1):
        bottom += 1
    if (bottom - top + 1 >= settings.SUMMARY_MIN_LINES and top < k and bottom + 1 < start
            and infos[bottom + 1].byline and _signed(infos, top, start)
            and not any(_title_case(_latin_words(infos[j])) for j in range(top + 1, bottom + 1))
            and not (top and infos[top - 1].pattern and infos[top - 1].pattern.starts_list)):
        return top
    return k


def _sentence_headline(infos: list[_Info], k: int) -> bool:
    """Line k reads as a sentence ("孕期补充叶酸，这些误区你中招了吗？") but is a headline's
    length, a dated byline that names someone stands right under it (a blog's day heads its
    posts, under the blog's motto) and no headline right above it (a deck under its headline
    reads as a sentence too): a headline written as a sentence."""
    i = infos[k]
    if not (i.base_cls == GOOD and not i.pattern and not i.byline and _headline_length(i)
            and k + 1 < len(infos) and infos[k + 1].byline and not (k and _headline_like(infos[k - 1]))):
        return False
    dates = find_dates(infos[k + 1].line.text)
    return bool(dates) and tokens_beside_dates(infos[k + 1].line.text, dates) > 1


def _crumbed_and_signed(infos: list[_Info], k: int, start: int) -> bool:
    """Line k ends the breadcrumb right above it ("Home / NHL / No Trade Idea") and a byline
    follows it: the headline, though it reads like a name."""
    i = infos[k]
    return (i.base_cls in (SHORT, NEAR) and not i.pattern and not i.byline
            and any(_last_crumb(j.line.text, i, any_length=True) for j in infos[max(0, k - 2): k])
            and _signed(infos, k, start))


_POST_PAGER = re.compile(r"^[«‹←].*\|.*[»›→]$")
_LINK_ARROW = "link arrow"  # (data/patterns.tsv: "« Older post title", "Newer post title »")
_COMMENTS_WHY = "comments"  # (data/patterns.tsv: "Leave a comment", "12 Responses to “X”")
_EDITOR_WHY = "editor line"  # (data/patterns.tsv)
_SHARE_WHY = "share buttons"  # (data/patterns.tsv: "Share on Pinterest", on a photo too)
_ASIDE_WHYS = frozenset((_SHARE_WHY, "related link"))  # (data/patterns.tsv)
_AD_WHY = "advertisement"  # (data/patterns.tsv: "Advertisement", an ad's slot inside an article)
_ARROWS_BACK = "«‹←"
_QUOTES = "\"'“”‘’「」『』"


# Curly quotes as straight ones: the markup's headline and the page's line may differ in them.
_PLAIN_QUOTES = str.maketrans("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f", "'" * 4 + '"' * 4)


def _hints_of(i: _Info, title_hints: tuple[str, ...]) -> int:
    """How many of the markup's headlines (quotes made plain) line i is."""
    return title_hints.count(i.line.text.translate(_PLAIN_QUOTES)) if title_hints else 0


def _pull_quote(i: _Info, opening: str) -> bool:
    """Line i is a quotation the article's opening lines hold word for word, set above the
    headline: a pull-quote."""
    quoted = i.line.text.strip(_QUOTES + " ")
    return i.line.text[0] in _QUOTES and len(quoted) >= settings.PULL_QUOTE_MIN_CHARS and quoted in opening


def _distances(infos: list[_Info], start: int, most: int, box: int | None) -> dict[int, int]:
    """The lines above the article's first, by their distance from it, at most `most`: lines of
    links do not count (HTML: a box of related links between the headline and the article), nor
    do the lines from `box` down (text: "Related Stories" and its headlines)."""
    found, d = {}, 0
    buttons = _button_rows(infos, start, most)
    for k in range(start - 1, -1, -1):
        d += infos[k].line.links < settings.LINK_LINE_MIN_SHARE and (box is None or k < box) and k not in buttons
        if d > most:
            break
        found[k] = max(d, 1)
    return found


# A share widget's and an author card's buttons
_SHARE_WORDS = frozenset("""facebook twitter tweet email e mail rss google plus print share pinterest linkedin
reddit whatsapp stumbleupon tumblr instapaper aim digg delicious view profile comments comment save sms
copy link this""".split())


def _button_rows(infos: list[_Info], start: int, most: int) -> set[int]:
    """Runs of three or more lines of a button or two each ("View Profile", "Email", "Facebook",
    "Twitter", "RSS") between the article and the nearest headline-shaped line above it: a share
    widget under the headline, which puts it no further from the article."""
    rows, run = set(), []
    for k in range(start - 1, max(-1, start - 1 - 3 * most), -1):
        i = infos[k]
        if 0 < i.f.tokens <= 3 and not i.f.han and all(w.lower() in _SHARE_WORDS for w in _latin_words(i)):
            run.append(k)
            continue
        if len(run) >= settings.BUTTON_ROW_MIN_LINES:
            rows.update(run)
        run = []
        if _headline_like(i):
            break
    return rows


def _headline_opens_article(infos: list[_Info], start: int) -> bool:
    """The article's first line is its headline when a dated byline stands right under it
    ("Report: Ottawa cancer rates higher than rest of Ont." / "Updated: Tue Jan. 10 2012"): a
    headline that ends in a full stop reads as prose."""
    i = infos[start]
    return (start + 1 < len(infos) and infos[start + 1].byline and is_dated_byline(infos[start + 1].line.text)
            and _headline_length(i) and not i.f.prose_punct > 1)


def _full_length(i: _Info) -> bool:
    """As long as most headlines are, longer than buttons and sections' names."""
    return i.f.words >= 5 or i.f.han >= 8


def _headline_length(i: _Info) -> bool:
    """As long as headlines are, not as long as captions and leads can be."""
    return (i.f.words or i.f.han // 2) <= settings.TITLE_MAX_WORDS // 2


_SECTION_NUMBER = re.compile(_ITEM_NUMBER.pattern + r"|^[一二三四五六七八九十]{1,3}、")


def _wording(text: str) -> set[str]:
    """A text's content words, to compare wordings with: English words that are no function
    words, cut to their first 5 letters ("Zambian", "Zambia": 3 to 5 letters); pairs of Han
    characters."""
    words = _latin_wording(text)
    for run in HAN_RUN_RE.findall(text):
        words.update(map(add, run, run[1:]))  # run[k] + run[k + 1]: each pair, without a generator
    return words


def _latin_wording(text: str) -> set[str]:
    return {w.lower()[:5] for w in LATIN_WORD_RE.findall(text) if len(w) > 2 and w.lower() not in _EN_STOPWORDS}


def _wording_overlap(text: str, opening: str, opening_latin: set[str] | None = None) -> float:
    """The share of a headline's wording that the article's opening takes up again (a menu's or
    a widget's takes up none). `opening_latin`: _latin_wording(opening), when made. A pair of
    Han characters is one of the opening's when the opening holds it: no set of its pairs."""
    words = _wording(text)
    if not words:
        return 0.0
    latin = _latin_wording(opening) if opening_latin is None else opening_latin
    return sum(w in opening if len(w) == 2 else w in latin for w in words) / len(words)


_COLUMN_TAG = re.compile(r"^[【\[][^】\]]{1,12}[】\]]\s*")  # "【记者即时播报】" before a headline


def _page_text(infos: list[_Info]) -> str | None:
    """The lines joined by newlines, for _repeated; None on a big page, which is not copied
    whole (four bytes a character when one line holds an emoji): counted line by line."""
    return "\n".join(i.line.text for i in infos) if len(infos) <= settings.JOINED_MAX_LINES else None


def _repeated(infos: list[_Info], i: _Info, page: str | None) -> bool:
    """The page repeats line i: as it is, in a page-title form ("X_新闻中心_新浪网" and
    "【记者即时播报】X" repeat "X") or as a breadcrumb's last item. Only lines holding its text
    can be such a form: `page`, the lines joined by newlines (_page_text), tells in one count
    whether there are any."""
    text = i.line.text
    if i.repeated > 1:
        return True
    if "\n" not in text and (page.count(text) if page is not None
                             else sum(j.line.text.count(text) for j in infos)) <= 1:
        return False  # its own line is the only one that holds it
    return any(text in j.line.text and j.line.text != text
               and (strip_site_suffix(_COLUMN_TAG.sub("", j.line.text)) == text or _last_crumb(j.line.text, i))
               for j in infos)


def _last_crumb(line: str, i: _Info, any_length: bool = False) -> bool:
    """`text`, as long as most headlines, is the last item of the breadcrumb `line` ("當前位置：
    首頁 >> 今日必讀 >> X [友善列印]", "Home / X"; a short last item is the section's name,
    "首页->军事技术"; `any_length`: a headline known by other signs may be short)."""
    text = i.line.text
    if not ((any_length or _full_length(i)) and line.count(text) == 1):
        return False
    before = line[: line.index(text)]
    return ((bool(_BREADCRUMB.search(before.rstrip()[-2:])) or before.endswith(" / "))  # ("Home / X")
            and not _BREADCRUMB.search(line[line.index(text) + len(text):]))


def _signed(infos: list[_Info], k: int, start: int, names: bool = True) -> bool:
    """A byline follows line k closely, past at most a few short or chrome lines (`names`: or a
    line of names)."""
    for i in infos[k + 1: min(start, k + 1 + settings.TITLE_BYLINE_MAX_GAP)]:
        if _is_meta_line(i) if names else i.byline or i.pattern and i.pattern.label == META:
            return True
        if i.base_cls == GOOD:
            return False
    return False


def _dated_above(infos: list[_Info], k: int) -> bool:
    """A dated byline stands right above line k, of a headline's length ("Posted: 2:12 PM Jan 11,
    2012" over "DCF Releases Contractor Report Card")."""
    return _headline_length(infos[k]) and any(i.byline and is_dated_byline(i.line.text)
                                              for i in infos[max(0, k - settings.META_ABOVE_TITLE_LINES): k])


def _is_meta_line(i: _Info) -> bool:
    return i.byline or bool(i.pattern and i.pattern.label == META) or _name_line(i)


def _name_line(i: _Info) -> bool:
    if i.names is None:
        i.names = is_name_line(i.line.text)
    return i.names


_TIMED_HEADLINES_WHY = "teaser list (stories with their times)"


def _timed_headlines(infos: list[_Info], start: int, end: int) -> bool:
    """A thread's stamps each over a headline and, right under it, the next stamp: a list of
    stories with their times ("2 hours ago", "Hospital opens clinic", "3 hours ago", …), not
    comments, which have their text under their stamps."""
    stamps = [k for k in range(start, end + 1) if infos[k].stamp]
    listed = sum(k + 2 <= end and _headline_shape(infos[k + 1]) and bool(infos[k + 2].stamp) for k in stamps[:-1])
    return len(stamps) > 1 and listed >= settings.LIVE_POSTS_MIN_SHARE * (len(stamps) - 1)


def _first_stamp(infos: list[_Info], start: int) -> int:
    """A thread's first stamp: its first line, or the one under it (the commenter's name)."""
    return start if infos[start].stamp else start + 1


def _label_post_footer(infos: list[_Info], start: int, end: int,
                       threads: list[tuple[int, int, int]]) -> None:
    """A thread whose stamps stand under their posts ("发布时间 2005/05/17 22:11 by Jane" after
    each) begins with the article's own footer, right under it: that stamp dates the article.
    Where the shape also stands above the article, stamps head their posts, and the first one
    under the article is a reply's."""
    for first, _, _ in threads:
        k = _first_stamp(infos, first)
        i = infos[k]
        if (0 < k - end <= settings.FOOTER_MAX_LINES and i.byline and i.line.label == BOILERPLATE
                and not REPLY_FLOOR_RE.match(i.line.text)
                and not any(j.cls == GOOD or j.pattern for j in infos[end + 1: k])
                and not any(j.stamp == i.stamp for j in infos[:start])):
            _set(i, META, "post footer")


def _label_tail(infos: list[_Info], end: int, threads: list[tuple[int, int, int]]) -> None:
    """After the last prose line: closing short paragraphs, captions and the editor line."""
    k = end + 1
    while k < len(infos):
        i = infos[k]
        if i.byline and i.pattern and i.pattern.ends_article:
            _set(i, META, "post footer")  # "发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)"
            break
        if i.pattern and i.pattern.label == META:
            _set(i, META, i.pattern.reason)
        elif i.pattern and i.pattern.label == CAPTION:
            _set(i, CAPTION, i.pattern.reason)
        elif i.cls in (NEAR, SHORT) and not i.pattern and not i.byline and i.f.ends_sentence:
            _set(i, BODY, "closing paragraph")
        else:
            break
        k += 1
    # (not past the first stamp of a comment thread: what comes after it is the replies')
    replies = min((_first_stamp(infos, first) + 1 for first, _, _ in threads if first > end),
                  default=len(infos))
    # (a run of credit lines that starts there goes on: "文字：…" "摄影：…" "校对：…" "责任编辑：…")
    credit, stop = False, k  # (stop: where the run of credits stopped)
    for stop in range(k, replies):
        i = infos[stop]
        went_on, credit = credit, bool(i.pattern and i.pattern.label == META or i.byline and is_credit_line(i.line.text))
        if stop >= k + settings.TAIL_META_LINES and not (credit and went_on):
            break
        if i.pattern and i.pattern.label == META:
            _set(i, META, i.pattern.reason)
        elif (i.byline and not (i.pattern and i.pattern.starts_list)  # ("相关阅读：" heads a list;
              and not REPLY_FLOOR_RE.match(i.line.text)):  # a reply's header is the thread's)
            _set(i, META, "byline below the article")
    # the editor line may stand under a related list ("相关阅读：", its links, then "(责任编辑：李娜)")
    for i in infos[stop: min(stop + settings.TAIL_EDITOR_LINES, replies)]:
        if i.pattern and i.pattern.reason == _EDITOR_WHY and i.line.label == BOILERPLATE:
            _set(i, META, i.pattern.reason)
            break
