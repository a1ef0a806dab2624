"""Title, date, author, editor and source from the lines the classifier marked.

Dates are parsed by our own regular expressions rather than dateparser: the forms found in
bylines are few and known, and a regex pass costs microseconds per page where dateparser costs
milliseconds per call (it tries every locale's month names).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from . import settings
from .script import count_han, latin_words, simplified

# ---------------------------------------------------------------------------------- dates --

_MONTHS = {m: i for i, ms in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), 1) for m in ms}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = (r"(?P<h>\d{1,2})[:：](?P<mi>\d{2})(?:[:：](?P<s>\d{2}))?"
         r"(?:\s*(?P<ampm>[ap]\.?m\.?)(?![a-z]))?")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}

_DATE_FORMS = [
    # 2025-10-27 15:01:11 · 2022.06.25 · 2019/12/2 · 2021年5月28日
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?P<sep>[-/.年])\s*(?P<m>\d{1,2})\s*[-/.月]\s*"
               r"(?P<d>\d{1,2})(?!\d)\s*日?(?:\s*(?:T|\s)?\s*" + _TIME + ")?", re.I),
    # June 24, 2021 · Nov. 29, 2019 · Tue October 1, 2019
    re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})\b"
               r"(?:,?\s*(?:at\s+)?" + _TIME + ")?", re.I),
    # 24 June 2021
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>(?:19|20)\d{2})\b"
               r"(?:,?\s*" + _TIME + ")?", re.I),
    # 7/5/2005 9:23:57 PM (month first when ambiguous, as US sites write it)
    re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d{2})(?!\d)"
               r"(?:\s+" + _TIME + ")?", re.I),
    # 二〇二一年五月二十八日
    re.compile(r"(?P<cy>[〇零一二三四五六七八九]{4})年(?P<cm>[一二三四五六七八九十]{1,2})月"
               r"(?P<cd>[一二三四五六七八九十]{1,3})日"),
]
_LOOSE_TIME = re.compile(r"(?<![\d:])" + _TIME + r"(?![\d:])", re.I)


def _cn_number(s: str) -> int:
    if "十" not in s:
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


@dataclass(frozen=True)
class FoundDate:
    date: str                 # YYYY-MM-DD
    datetime: str | None      # YYYY-MM-DDTHH:MM[:SS] when a time was given
    span: tuple[int, int]


def _time_of(g: dict) -> str | None:
    if not g.get("h"):
        return None
    h, mi = int(g["h"]), int(g["mi"])
    ampm = (g.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}" + (f":{int(g['s']):02d}" if g.get("s") else "")


def find_dates(text: str) -> list[FoundDate]:
    """Every valid calendar date in `text`, in order of position."""
    found = []
    for form in _DATE_FORMS:
        for m in form.finditer(text):
            g = m.groupdict()
            try:
                if g.get("cy"):
                    y, mo, d = _cn_number(g["cy"]), _cn_number(g["cm"]), _cn_number(g["cd"])
                else:
                    y, d = int(g["y"]), int(g["d"])
                    mo = int(g["m"]) if g.get("m") else _MONTHS[g["mon"].lower()]
                    if g.get("sep") == "年" and "月" not in m.group(0):
                        continue
                day = _dt.date(y, mo, d)
            except (ValueError, KeyError):
                continue
            if not settings.MIN_YEAR <= y <= settings.MAX_YEAR:
                continue
            time = _time_of(g)
            if time is None:  # "Published 3:41 PM ET, Tue October 1, 2019": time before the date
                near = _LOOSE_TIME.search(text[max(0, m.start() - 30): m.start()])
                time = _time_of(near.groupdict()) if near else None
            iso = day.isoformat()
            found.append(FoundDate(iso, f"{iso}T{time}" if time else None, m.span()))
    found.sort(key=lambda f: f.span)
    # drop matches nested inside an earlier one
    kept: list[FoundDate] = []
    for f in found:
        if not kept or f.span[0] >= kept[-1].span[1]:
            kept.append(f)
    return kept


# -------------------------------------------------------------------------------- bylines --

# Keys that introduce a value in a byline, and the field the value goes to (None: ignored).
_KEYS = {
    "作者": "author", "撰文": "author", "记者": "author", "通讯员": "author", "文": "author",
    "author": "author", "authors": "author", "by": "author", "writer": "author",
    "reporter": "author", "written by": "author",
    "来源": "source", "稿源": "source", "出处": "source", "source": "source",
    "责任编辑": "editor", "责编": "editor", "编辑": "editor", "主编": "editor",
    "editor": "editor", "edited by": "editor",
    "发布时间": None, "发布日期": None, "发表时间": None, "更新时间": None, "时间": None,
    "日期": None, "摄影": None, "图": None, "文/图": "author", "点击": None, "浏览": None,
    "阅读": None, "点击数": None, "浏览次数": None, "阅读数": None, "字号": None,
    "updated": None, "published": None, "posted": None, "time": None, "date": None,
    "hits": None, "views": None, "photo": None,
}
_CJK_KEYS = sorted((k for k in _KEYS if count_han(k) or "/" in k), key=len, reverse=True)
_LATIN_KEYS = sorted((k for k in _KEYS if k not in _CJK_KEYS), key=len, reverse=True)
_KEY_RE = re.compile(
    r"(?P<key>" + "|".join(map(re.escape, _CJK_KEYS)) + r"|\b(?:"
    + "|".join(map(re.escape, _LATIN_KEYS)) + r")\b)\s*[:：]\s*", re.I)
_BY_RE = re.compile(r"^(?i:by|written by)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von))*)")
_CN_REPORTER_RE = re.compile(r"^(?:本报|新华社|中新网)?(?:记者|通讯员)\s*(?P<name>[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*)$")
# "Tianshan News (Reporter Ye Xiaomin reported)" · "本报讯（记者 张三 通讯员 李四）"
_DATELINE_RE = re.compile(
    r"^.{0,40}?[(（]\s*(?:reporter|correspondent|记者)\s*(?P<names>[^()（）]{2,60}?)\s*"
    r"(?:reported|reports|报道)?\s*[)）]", re.I)
# Words that make a dated line a byline wherever they stand ("欣传媒╱记者丁彦伶／台北报导 2012-01-17").
_BYLINE_WORD_RE = re.compile(r"记者|通讯员|报道|报导|编辑|来源|摄影|\b(?:reporter|correspondent|staff writer|editor)\b", re.I)
_SITE_RE = re.compile(r"\.(?:com|net|org|cn|gov|edu|info|news|hk|tw)(?:\.\w{2})?$|(?:网|报|社|电视台|新闻)$"
                      r"|\b(?:news|network|agency|daily|times|post|press|online)$", re.I)
_VALUE_TRIM = " \t:：,，;；|/-—–·【】[]()（）<>《》\"'“”"


def is_byline(text: str, tokens: int) -> bool:
    """A short line of publication facts: keys with values, a date, or "By Name"."""
    if tokens > settings.BYLINE_MAX_TOKENS:
        return False
    if _KEY_RE.search(simplified(text)) or _BY_RE.match(text) or _CN_REPORTER_RE.match(simplified(text)):
        return True
    dates = find_dates(text)
    if dates and _BYLINE_WORD_RE.search(simplified(text)):
        return True
    if dates:
        rest = text
        for f in reversed(dates):
            rest = rest[: f.span[0]] + " " + rest[f.span[1]:]
        rest_tokens = count_han(rest) + len(latin_words(rest))
        return rest_tokens <= settings.DATE_LINE_MAX_EXTRA_TOKENS
    return False


def byline_fields(text: str) -> dict[str, list[str]]:
    """Values by field from one byline: {"author": [...], "source": [...], "editor": [...]}."""
    out: dict[str, list[str]] = {}
    by = _BY_RE.match(text)
    if by:
        out.setdefault("author", []).extend(_split_names(by.group("name")))
    reporter = _CN_REPORTER_RE.match(simplified(text))
    if reporter:  # one character for one: the span is valid in the original text
        out.setdefault("author", []).extend(_split_names(text[reporter.start("name"):reporter.end("name")]))
    keys = list(_KEY_RE.finditer(simplified(text)))
    for k, nxt in zip(keys, keys[1:] + [None]):
        field = _KEYS.get(k.group("key").lower())  # keys matched in Simplified, values kept as written
        if not field:
            continue
        value = text[k.end(): nxt.start() if nxt else len(text)]
        for f in reversed(find_dates(value)):  # a date glued to the value is not part of it
            value = value[: f.span[0]] + value[f.span[1]:]
        value = value.strip(_VALUE_TRIM)
        if value and len(value) <= settings.NAME_MAX_CHARS:
            out.setdefault(field, []).extend(
                _split_names(value) if field == "author" else [value])
    return out


def _split_names(value: str) -> list[str]:
    value = value.strip(_VALUE_TRIM)
    if count_han(value):  # Chinese names are separated by spaces or list marks
        parts = re.split(r"[\s、,，;；/]+", value)
    else:
        parts = re.split(r"\s*(?:[,;/&]|\band\b)\s*", value)
    return [p.strip(_VALUE_TRIM) for p in parts if p.strip(_VALUE_TRIM)]


def dateline_authors(paragraph: str) -> list[str]:
    """Authors named in a dateline that opens the first paragraph."""
    m = _DATELINE_RE.match(paragraph)
    if not m:
        return []
    names = re.split(r"\s*(?:通讯员|correspondent)\s*", m.group("names"), flags=re.I)
    return [n for part in names for n in _split_names(part)]


@dataclass
class Metadata:
    date: str | None = None
    datetime: str | None = None
    author: str | None = None
    editor: str | None = None
    source: str | None = None


def _join(values: list[str]) -> str | None:
    seen = list(dict.fromkeys(values))
    return ", ".join(seen) if seen else None


def extract(meta_lines: list[str], first_paragraph: str | None) -> Metadata:
    """Metadata from the page's byline/editor lines (in page order) and its first paragraph."""
    md = Metadata()
    fields: dict[str, list[str]] = {"author": [], "source": [], "editor": []}
    for text in meta_lines:
        if md.date is None:
            dates = find_dates(text)
            if dates:
                md.date, md.datetime = dates[0].date, dates[0].datetime
        for field, values in byline_fields(text).items():
            fields[field].extend(values)
    # A site given as the author ("Author:Tianshan.com") is the source.
    sites = [a for a in fields["author"] if _SITE_RE.search(a)]
    fields["author"] = [a for a in fields["author"] if a not in sites]
    if not fields["source"]:
        fields["source"] = sites
    if not fields["author"] and first_paragraph:
        fields["author"] = dateline_authors(first_paragraph)
    md.author = _join(fields["author"])
    md.source = _join(fields["source"])
    md.editor = _join(fields["editor"])
    return md
