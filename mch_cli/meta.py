"""Title, date, author, editor and source from the lines the classifier marked.

Dates are parsed by our own regular expressions rather than dateparser: the forms found in
bylines are few and known, and a regex pass costs microseconds per page where dateparser costs
milliseconds per call (it tries every locale's month names).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from . import settings
from .decode import set_up
from .script import count_han, latin_words, simplified

# ---------------------------------------------------------------------------------- dates --

_MONTHS = {m: i for i, ms in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), 1) for m in ms}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# (a full stop between the hour and the minutes only before a time zone or am/pm: "07.00 GMT")
_TIME = (r"(?P<h>\d{1,2})(?:[:：]|\.(?=\d{2}\s*(?:GMT|BST|UTC|CET|CEST|[AP]\.?M\b)))(?P<mi>\d{2})(?:[:：](?P<s>\d{2}))?"
         r"(?:\s*(?P<ampm>[ap]\.?m\.?)(?![a-z]))?")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}

# A year ends a word, or runs into the time of day where a page's spans were joined without a
# space ("March 5, 20249:04 AM GMT")
_YEAR_END = r"(?:\b|(?=\d{1,2}[:：]\d{2}(?!\d)))"
# Each form starts with what its match starts with (a digit, "19"/"20"), the look behind it
# coming after: `re` then skips ahead to the characters that can start a match, where a
# pattern led by a look-behind or by \b is tried at every position of the line.
_DATE_FORMS = [
    # 2025-10-27 15:01:11 · 2022.06.25 · 2019/12/2 · 2021年5月28日
    re.compile(r"(?P<y>(?:19|20)(?<!\d\d\d)\d{2})\s*(?P<sep>[-/.年])\s*(?P<m>\d{1,2})\s*[-/.月]\s*"
               r"(?P<d>\d{1,2})(?!\d)\s*日?(?:\s*(?:T|\s)?\s*" + _TIME + ")?", re.I),
    # June 24, 2021 · Nov. 29, 2019 · Tue October 1, 2019
    re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})" + _YEAR_END
               + r"(?:,?\s*(?:at\s+)?" + _TIME + ")?", re.I),
    # 24 June 2021
    re.compile(r"(?P<d>\d(?<!\w\d)\d?)(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>(?:19|20)\d{2})" + _YEAR_END
               + r"(?:,?\s*" + _TIME + ")?", re.I),
    # 06/02/2022 - 13:48 · 9/17/2004 5:54:13 AM · 08-17-2012 · 17.08.2012 (see _day_month for
    # which is which)
    re.compile(r"(?P<a>\d(?<![A-Za-z\d/.-]\d)\d?)(?P<dsep>[/.-])(?P<b>\d{1,2})(?P=dsep)(?P<y>(?:19|20)\d{2})"
               r"(?:(?!\d)|(?=\d{1,2}[:：]\d{2}(?!\d)))(?:\s*-?\s*" + _TIME + ")?", re.I),
    # 二〇二一年五月二十八日
    re.compile(r"(?P<cy>[〇零一二三四五六七八九]{4})年(?P<cm>[一二三四五六七八九十]{1,2})月"
               r"(?P<cd>[一二三四五六七八九十]{1,3})日"),
    # Tue Mar 5 10:00:00 2024 (C's asctime: a mail archive's, a BBS post's)
    re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})\s+" + _TIME + r"\s+(?P<y>(?:19|20)\d{2})\b", re.I),
]
_YEAR = re.compile(r"(?:19|20)\d{2}")
# Every month's name, long or short, starts so (read case-insensitively, as the forms read it;
# "ſ" is an "s" so read). Its first letter a class, which `re` skips ahead to.
_MONTH_START = re.compile("[jfmasondJFMASONDſ](?i:(?<=j)(?:an|un|ul)|(?<=f)eb|(?<=m)a[ry]|(?<=a)(?:pr|ug)"
                          "|(?<=s)ep|(?<=o)ct|(?<=n)ov|(?<=d)ec)")
# Case folding maps no character but "İ", "ı", "ſ" and "K" onto an ASCII letter (i, s, k): a
# case-insensitive search for English words with other letters (keys, month names) cannot match
# a line without an ASCII letter, and this search, much cheaper, tells.
_ASCII_LETTER_RE = re.compile("[A-Za-z]")
_LOOSE_TIME = re.compile(r"(?<![\d:])" + _TIME + r"(?![\d:])", re.I)
_TIME_BEHIND_A_MARK = re.compile(r"\s*[|｜/·•-]\s*" + _TIME + r"(?![\d:])", re.I)


def _cn_number(s: str) -> int:
    if "十" not in s:
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _day_month(a: int, b: int, ampm: str | None) -> tuple[int, int]:
    """a/b/yyyy: whichever order is valid; when both are, month first with a 12-hour clock
    (the US writes "9/17/2004 5:54 AM"), day first otherwise (Europe, Asia: "06/02/2022 - 13:48")."""
    if a > 12:
        return a, b
    if b > 12 or ampm:
        return b, a
    return a, b


class FoundDate(NamedTuple):  # (a tuple: a dated line makes several, and a frozen dataclass is slow to make)
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


def _forms_to_try(text: str) -> tuple[bool, ...]:
    """Per date form, whether `text` holds what each of its matches does: a year (19xx, 20xx),
    and a month's name or a separator; or 年. Most lines hold no year, and a dated line is mostly
    of one form."""
    year = _YEAR.search(text) is not None
    month = year and _ASCII_LETTER_RE.search(text) is not None and _MONTH_START.search(text) is not None
    return year, month, month, year and ("/" in text or "-" in text or "." in text), "年" in text, month


@lru_cache(maxsize=1024)  # a page asks of one line several times (byline, comment header, metadata)
def find_dates(text: str) -> tuple[FoundDate, ...]:
    """Every valid calendar date in `text`, in order of position."""
    forms = _forms_to_try(text)
    if not any(forms):
        return ()  # (most lines: no year)
    found = []
    for form, worth_trying in zip(_DATE_FORMS, forms):
        if not worth_trying:
            continue
        for m in form.finditer(text):
            g = m.groupdict()
            try:
                if g.get("cy"):
                    y, mo, d = _cn_number(g["cy"]), _cn_number(g["cm"]), _cn_number(g["cd"])
                elif g.get("a"):
                    y, (d, mo) = int(g["y"]), _day_month(int(g["a"]), int(g["b"]), g.get("ampm"))
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
                near = near or _TIME_BEHIND_A_MARK.match(text, m.end())  # "5 Jan 2024 | 10:30"
                time = _time_of(near.groupdict()) if near else None
            iso = day.isoformat()
            found.append(FoundDate(iso, f"{iso}T{time}" if time else None, m.span()))
    if len(found) < 2:
        return tuple(found)
    found.sort(key=lambda f: f.span)
    # drop matches nested inside an earlier one
    kept: list[FoundDate] = []
    for f in found:
        if not kept or f.span[0] >= kept[-1].span[1]:
            kept.append(f)
    return tuple(kept)


# -------------------------------------------------------------------------------- bylines --

def _led_by_first_letter(words, before: str, after: str, lead: bool = True) -> str:
    """A regex finding one of the ASCII `words` case-insensitively, written so that it starts
    with a case-sensitive class of their first letters (and of the non-ASCII letters that
    case-insensitive matching takes for them: "ſ" for s, "K" for k, "İ" and "ı" for i), which
    `re` skips ahead to: `before` is tried right after that letter (a look-behind), `after`
    after the word. `lead=False`: without the class, for a caller's own."""
    traps = {"s": "ſ", "k": "\u212a", "i": "\u0130\u0131"}
    firsts = sorted({w[0].lower() for w in words})
    rest = "|".join(f"(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in words)
    cls = "[" + "".join(c + c.upper() + traps.get(c, "") for c in firsts) + "]"
    return (cls if lead else "") + before + f"(?i:{rest})" + after



# Keys that introduce a value in a byline, and the field the value goes to (None: ignored).
_KEYS = {
    "作者": "author", "撰文": "author", "撰稿": "author", "撰稿人": "author", "记者": "author",
    "通讯员": "author", "实习生": "author", "文": "author", "文/图": "author", "文字": "author", "发文机关": "author",
    "author": "author", "authors": "author", "by": "author", "writer": "author",
    "reporter": "author", "written by": "author",
    "来源": "source", "稿源": "source", "出处": "source", "出自": "source", "source": "source",
    "责任编辑": "editor", "责编": "editor", "编辑": "editor", "主编": "editor",
    "editor": "editor", "edited by": "editor",
    "发布时间": None, "发布日期": None, "发表时间": None, "发表日期": None, "更新时间": None,
    "成文日期": None, "时间": None, "日期": None, "摄影": None, "图": None, "点击": None,
    "校对": None, "审校": None, "审核": None, "终审": None, "监制": None, "统筹": None,
    "图片编辑": None, "视频编辑": None, "美术编辑": None,  # (not the story's editor)
    "浏览": None, "阅读": None, "点击数": None, "浏览次数": None, "阅读数": None, "字号": None,
    "updated": None, "published": None, "posted": None, "time": None, "date": None,
    "hits": None, "views": None, "photo": None,
}
# Date keys that may stand without a colon, right before the date ("发表于2005年…", "Updated 2021-…").
_BARE_DATE_KEYS = ("发表于", "发布于", "发布时间", "发表时间", "更新时间", "updated", "published", "posted")
_CJK_KEYS = sorted((k for k in _KEYS if count_han(k) or "/" in k), key=len, reverse=True)
_LATIN_KEYS = sorted((k for k in _KEYS if k not in _CJK_KEYS), key=len, reverse=True)
# A count's key ("阅读：1660") is a key only before its number: "相关阅读：X" heads a link
_COUNT_KEYS = ("点击数", "浏览次数", "阅读数", "点击", "浏览", "阅读")
_CJK_KEY_ALTERNATIVES = ("|".join(re.escape(k) for k in _CJK_KEYS if k not in _COUNT_KEYS)
                         + "|(?:" + "|".join(_COUNT_KEYS) + r")(?=\s*[:：]\s*\d)")
_KEY_RE = re.compile(
    r"(?P<key>" + _CJK_KEY_ALTERNATIVES + r"|\b(?:"
    + "|".join(map(re.escape, _LATIN_KEYS)) + r")\b)\s*[:：]\s*"
    r"|(?P<bare>" + "|".join(_BARE_DATE_KEYS) + r")\s*(?=\d)", re.I)
# A staff role and the words that qualify it ("health reporter", "Senior Political Correspondent")
_STAFF_ROLES = "reporter|correspondent|editor|writer|columnist"
_ROLE_QUALIFIERS = ("senior|chief|health|science|medical|political|staff|deputy|assistant|associate|contributing"
                    "|special|foreign|national|education|consumer|technology|business|news|global|digital|features?")
_ROLE_NEXT = re.compile(r"\s+(?:" + _STAFF_ROLES + r")\b", re.I)  # (a role right after a byline's name)
_TRAILING_QUALIFIERS = re.compile(r"(?:\s+(?:" + _ROLE_QUALIFIERS + r"))+$", re.I)
_BY_RE = re.compile(r"^(?i:(?:analysis|story|text|words|commentary|review|interview|reporting) by|by|written by|reported by)\s+"
                    r"(?:(?:(?:[a-z]+|(?i:" + _ROLE_QUALIFIERS + r"))\s+){0,3}(?i:" + _STAFF_ROLES + r")\s+)?(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von))*)"
                    r"|^(?i:posted by)\s+(?P<handle>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von))*|[\w.-]{2,30}\b)")
# Every match of _BY_RE starts with one of these: its words' first letters as case-insensitive
# matching reads them ("ſ" an s, "İ" and "ı" an i). A test of the first character spares most
# lines the regex.
_BY_FIRST = "aAsSſtTwWcCrRiIİıbBpP"
_HAN_NAME = r"[\u4e00-\u9fff·]{2,4}"
# A name that ends where a reporter's credit goes on ("张三发自北京", "张三报道", "张三摄", "张三和李四"),
# or at a character that is no Han: never amid a run of Han ("记者谭飞王艳明闫鹃": where is the end?)
_ENDED_HAN_NAME = r"[\u4e00-\u9fff·]{2,4}?(?=发自|报道|报导|[摄攝]|和|及|与|[^\u4e00-\u9fff·]|$)"
# "本报记者罗科苏盈发自北京" · "新京报记者 彭冲 山东冠县报道" · "（记者 张三 通讯员 李四）"
_REPORTER_RE = re.compile(r"(?:记者|通讯员|实习生|特约撰稿人?)\s*[:：]?\s*(?!从|在|近日|日前|获悉|了解|今天|昨天|"
                          r"前往|来到|走访|采访|调查|注意到|发现|看到|获|向|对|于|跟|到|从)(?P<names>" + _ENDED_HAN_NAME
                          + r"(?:[ 、，,]+" + _ENDED_HAN_NAME + r")*)(?P<after>\s*(?:发自|报道|报导|[摄攝])?)")
# One of these words is in every match of _REPORTER_RE and _NAME_PLACE_RE: a cheap test first.
_REPORTER_WORD_RE = re.compile("记者|通讯员|实习生|特约撰稿|报道|报导")
# "（姚峰 上海报道）" at the end of an article
_NAME_PLACE_RE = re.compile(r"[(（]\s*(?P<names>" + _HAN_NAME + r"(?:[ 、，,]+" + _HAN_NAME
                            + r")*)\s+[\u4e00-\u9fff]{2,8}(?:报道|报导)\s*[)）]\s*$")
# An account's post: "原创 王小明 健康时报 2024-03-05 08:00 发表于北京" (its author, then the account)
_ACCOUNT_POST_RE = re.compile(r"^原创\s+(?P<name>[^\s\d]{2,12})(?:\s+(?P<source>[^\s\d]{2,20}))?\s+(?=\d{4}\D)")
# A poster in a forum or blog footer: "ggjjzhzz 发表于 2005-9-15" · "本贴由大卫于2005年…发表" · "由海姑娘张贴 @";
# a thread's first post, its poster after 楼主 ("楼主 小葡萄妈妈 发表于 …": a reply's floor, 沙发 or 2楼, names no author)
_POSTER_RE = re.compile(r"^(?:楼主\s*[:：]?\s*)?(?P<a>[^\s:：]{2,20})\s*(?:发表于|发布于)|由\s*(?P<b>[^\s由]{2,12}?)\s*(?:张贴|于\s*\d)")
# A reply's floor before its poster: "沙发 暖暖妈 发表于 …", "2楼 …", "#3 …"
REPLY_FLOOR_RE = re.compile(r"^(?:沙发|板凳|地板|地下室|\d{1,5}\s*楼|#\d{1,5}|\d{1,5}\s*#)\s")
_BRACKET_NAME_RE = re.compile(r"[\[【]\s*(?P<name>" + _HAN_NAME + r")\s*[\]】]")
_INLINE_BY_RE = re.compile(r"\bby\s+(?P<name>(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\b|[^\s〓|]{2,30})", re.I)
# "Tianshan News (Reporter Ye Xiaomin reported) On June 24, …"
_DATELINE_RE = re.compile(
    r"^.{0,40}?[(（]\s*(?:reporter|correspondent)\s*(?P<names>[^()（）]{2,60}?)\s*"
    r"(?:reported|reports)?\s*[)）]", re.I)
# Words that make a dated line a byline wherever they stand ("欣传媒╱记者丁彦伶／台北报导 2012-01-17").
# "原创 王小明 健康时报 2024-03-05 08:00 发表于北京": an account's post, original and where it was sent from.
# "Medically reviewed by Jane Roe, MD — Written by John Doe — Updated on March 5, 2024": a review's credit too.
_BYLINE_WORD_RE = re.compile(r"记者|通讯员|报道|报导|编辑|来源|摄影|原创|发表于|\b(?:reporter|correspondent|staff writer|editor|(?:written|reviewed) by)\b", re.I)
# ... the same yes or no, each word led by its first character (see _LATIN_KEY_RE)
_BYLINE_WORD_LED_RE = re.compile(r"[记通报编来摄原发rcsewRCSEWſ](?:(?<=记)者|(?<=通)讯员|(?<=报)[道导]|(?<=编)辑|(?<=来)源|(?<=摄)影|"
                                 r"(?<=原)创|(?<=发)表于|"
                                 + _led_by_first_letter(("reporter", "correspondent", "staff writer", "editor", "written by",
                                                         "reviewed by"),
                                                        r"(?<!\w.)", r"\b", lead=False) + ")")
AGO_RE = re.compile(r"\b\d+\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b"
                    r"|\d+\s*(?:分钟|小时|天)前", re.I)
_SITE_RE = re.compile(r"\.(?:com|net|org|cn|gov|edu|info|news|hk|tw)(?:\.\w{2})?$|(?:网|报|社|电视台|新闻)$"
                      r"|\b(?:news|network|agency|daily|weekly|times|post|press|online|magazine|journal|gazette|herald"
                      r"|tribune|chronicle|digital|media|radio|tv|group)$", re.I)
_VALUE_TRIM = " \t:：,，;；|｜/-—–·【】[]()（）<>《》\"'“”〓"
# … and the counters a post footer carries ("作者:zboygirl 阅读(1660) 评论(5)").
_NOT_NAMES = frozenset("""本报 记者 通讯员 报道 编辑 新华社 中新社 本网 综合 整理 转载 网友 楼主 原创 来源 作者
阅读 评论 点击 浏览 回复 人气 小编 佚名 匿名 本站 管理员 站长""".split())


# Every byline has one of these; most lines have none, and one search tells (it runs on every line).
_BYLINE_HINT = re.compile(r"[\d:：年〇]|记者|記者|通讯员|通訊員|实习生|實習生|撰稿|文[/／]|\bby\b|written by", re.I)
# The same in three parts, faster: each starts with a set of characters that `re` skips ahead to,
# without case folding; and "by" (which every English hint holds).
_BYLINE_HINT_CHARS = re.compile(r"[\d:：年〇]")
_BYLINE_HINT_CJK = re.compile(r"记者|記者|通讯员|通訊員|实习生|實習生|撰稿|文[/／]")
_BYLINE_HINT_EN = re.compile(r"\bby\b|written by", re.I)


def _byline_hint(text: str) -> bool:
    """Whether _BYLINE_HINT finds something in `text`."""
    return bool(_BYLINE_HINT_CHARS.search(text) or not text.isascii() and _BYLINE_HINT_CJK.search(text)
                or "by" in text.lower() and _BYLINE_HINT_EN.search(text))


# _KEY_RE in parts, for is_byline's yes or no: Chinese keys need no case folding (which makes an
# alternation slow), and without a colon only a bare date key can be there.
_CJK_KEY_RE = re.compile("(?:" + _CJK_KEY_ALTERNATIVES + r")\s*[:：]")
# English keys are led by their first letter (a case-sensitive class, which `re` skips ahead to;
# a case-insensitive pattern led by a letter is tried at every position), then each key's rest
# behind its own first letter.
_LATIN_KEY_RE = re.compile(_led_by_first_letter(_LATIN_KEYS, r"(?<!\w.)", r"\b\s*[:：]"))
_BARE_CJK_KEY_RE = re.compile(r"(?:" + "|".join(k for k in _BARE_DATE_KEYS if not k.isascii()) + r")\s*(?=\d)")
_BARE_LATIN_KEY_RE = re.compile(_led_by_first_letter([k for k in _BARE_DATE_KEYS if k.isascii()], "", r"\s*(?=\d)"))


def _has_key(text: str) -> bool:
    """Whether _KEY_RE finds a key in `text`."""
    chinese = not text.isascii()
    # (on an ASCII line the key regexes themselves find no letter as fast as this search would)
    latin = not chinese or _ASCII_LETTER_RE.search(text) is not None
    if ":" in text or "：" in text:
        if chinese and _CJK_KEY_RE.search(text) or latin and _LATIN_KEY_RE.search(text):
            return True
    return bool(chinese and _BARE_CJK_KEY_RE.search(text) or latin and _BARE_LATIN_KEY_RE.search(text))


# A weather widget's temperature, a calendar's "today is".
_DATE_WIDGET = re.compile(r"\d\s?(?:°\s?[CF]\b|℃)|^(?:今天是|今日是|今天|today is)\s*[:：]?\s*\d", re.I)


def is_date_widget(text: str) -> bool:
    """The day of a weather or calendar widget, not the article's ("Thursday, Jan 12 2012 3PM
    -22°F 6PM -9°F", "今天是2012年1月17日 星期二")."""
    return bool(_DATE_WIDGET.search(text))


# "文/王小明 图/李大伟": a key before a slash, as before a colon
_SLASH_KEY = re.compile(r"(?:^|(?<=\s))(?:文|图|摄影|撰文)\s?[/／](?=\s*[\u4e00-\u9fff])")


def _slash_keys(simple: str) -> str:
    """`simple` with the slash after a key made a colon (one character for one)."""
    return _SLASH_KEY.sub(lambda m: m.group()[:-1] + "：", simple) if "/" in simple or "／" in simple else simple


_GALLERY_HEADLINE = re.compile(r"^(?:高清)?(?:组图|图集|多图|图文|视频)\s*[:：]\s*\S")
# A post's time without its year: "Posted Nov 18, 8:19 PM" (find_dates wants a year)
_YEARLESS_STAMP = re.compile(r"(?:posted|updated|published|last updated)\b\W{0,3}(?:on\s)?"
                             r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2}\b,?\s"
                             r"(?:at\s)?\d{1,2}:\d{2}", re.I)


def is_byline(text: str, tokens: int) -> bool:
    """A short line of publication facts: keys with values, a date, or "By Name"."""
    if tokens > settings.BYLINE_MAX_TOKENS or not _byline_hint(text):
        return False
    simple = _slash_keys(simplified(text))
    if simple[:1] in "组图多高视" and _GALLERY_HEADLINE.match(simple):
        return False  # "组图：新生儿科护士的24小时": a photo story's headline, not a photo's credit (图：)
    if (_has_key(simple) or text[:1] in _BY_FIRST and _BY_RE.match(text)
            or simple.startswith(("记者", "通讯员", "本报记者", "本报通讯员"))):
        return True
    if tokens <= settings.REPORTER_LINE_MAX_TOKENS and reporter_names(text):
        return True  # "新京报记者 彭冲 山东冠县报道"
    if ("前" in text or "ago" in text.lower()) and AGO_RE.search(text):
        return True  # "(UKPA) – 1 day ago"
    if text[:1] in "PpUuLl" and _YEARLESS_STAMP.match(text):
        return True  # "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM"
    dates = find_dates(text)
    if dates and is_date_widget(text):
        return False
    if dates and (_BYLINE_WORD_LED_RE.search(simple) or _POSTER_RE.search(simple)):
        return True
    if dates and not text.endswith(("。", "！", "？")):  # ("2009年3月14日展开演唱会。": a sentence)
        return tokens_beside_dates(text, dates) <= settings.DATE_LINE_MAX_EXTRA_TOKENS
    return False


def tokens_beside_dates(text: str, dates: tuple[FoundDate, ...]) -> int:
    """The tokens of `text` outside its dates (find_dates'): what a dated line says besides."""
    rest = text
    for f in reversed(dates):
        rest = rest[: f.span[0]] + " " + rest[f.span[1]:]
    return count_han(rest) + len(latin_words(rest))


def is_credit_line(text: str) -> bool:
    """A line led by a byline key and its colon: "文字：王晓", "校对：赵敏", "Editor: Jo Roe"."""
    return _KEY_RE.match(_slash_keys(simplified(text))) is not None


_AUTHOR_KEY_RE = re.compile("(?:" + "|".join(re.escape(k) for k, field in _KEYS.items() if field == "author")
                            + r")\s*[:：]", re.I)


def is_dated_byline(text: str) -> bool:
    """A byline (is_byline) that dates or signs a piece: a date, "By Name", "作者：…"."""
    return bool(_BY_RE.match(text) or _AUTHOR_KEY_RE.search(text) or find_dates(text))


_NOT_IN_NAMES = re.compile(r"[=<>\"@]|\d{3,}")


def is_name(token: str) -> bool:
    """A person's name: 2-4 Han characters (more with ·), or Latin words / a user handle."""
    if len(token) > 40 and len(token) - token.count("·") > 10:
        return False  # too long for either kind (a line of prose, mostly): no scan needed
    if not token or token in _NOT_NAMES or _NOT_IN_NAMES.search(token):
        return False
    han = count_han(token)
    if han:
        return han == len(token.replace("·", "")) and (2 <= han <= 4 or ("·" in token and han <= 10))
    return 1 <= len(token.split()) <= 4 and len(token) <= 40


@lru_cache(maxsize=1)
@set_up
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(surnames, words that begin like a name but are page chrome)."""
    text = resources.files("mch_cli").joinpath("data/surnames.txt").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if not line.startswith("#")]
    return (frozenset(w for line in rows if not line.startswith("!") for w in line.split()),
            frozenset(w for line in rows if line.startswith("!") for w in line[1:].split()))


@lru_cache(maxsize=1)
@set_up
def _ui_words() -> frozenset[str]:
    text = resources.files("mch_cli").joinpath("data/ui_words.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


_LATIN_NAME = r"[A-Z][a-zA-Z'’.-]+(?:\s+[A-Z][a-zA-Z'’.-]+){1,2}"
_LATIN_NAMES_RE = re.compile(rf"^{_LATIN_NAME}(?:(?:,|\s+and|\s+&)\s+{_LATIN_NAME})*$")


_TITLE_SEPARATOR_CHARS = re.compile(r"[-–—|｜:_]")
_TITLE_SEPARATORS = re.compile(r"\s+[-–—|｜:]\s+|\s*[_｜|]\s*|\s+-\s*|\s*—\s+")


def strip_site_suffix(title: str) -> str:
    """The headline of a page-title line: "X_新闻中心_新浪网", "X - CNN", "X | Health" → "X".
    Only short trailing segments that read as names (no lower-case first word) go."""
    if not _TITLE_SEPARATOR_CHARS.search(title):
        return title
    parts = _TITLE_SEPARATORS.split(title)
    while len(parts) > 1 and _site_like(parts[-1]):
        parts.pop()
    head = title[: title.index(parts[-1]) + len(parts[-1])] if len(parts) > 1 else parts[0]
    if count_han(head) >= 4 or len(latin_words(head)) >= 3:
        return head.strip()
    return title


_SITE_PREFIX = re.compile(r"^(?P<site>[^:：|｜–—_]{2,40}?)\s*(?:[:：]|\s[-–—|｜]|\s*[_｜|])\s*(?P<rest>\S.*)$")


def strip_site_prefix(title: str) -> str:
    """The headline of a page title led by its site's name: "Seth's Blog: X", "Joy the Baker – X"
    → "X" (the name short, in title case; X of three words or more)."""
    m = _SITE_PREFIX.match(title)
    if not m or not _site_like(m["site"]):
        return title
    rest = m["rest"].strip()
    return rest if count_han(rest) >= 4 or len(latin_words(rest)) >= 3 else title


# A share widget's words, which may stand before the headline: "Share this: X", "ShareTweetEmailX".
_WIDGET_WORDS = frozenset("share tweet email e-mail print save like pin follow this on via facebook twitter "
                          "linkedin whatsapp".split())
_CAMEL_JOINT = re.compile(r"(?<=[a-z])(?=[A-Z])")


def strip_widget_prefix(title: str) -> str:
    """A headline without the share widget's words glued or set before it ("Share this: X",
    "ShareTweetEmailHospital opens …" → "Hospital opens …")."""
    head, colon, rest = title.partition(":")
    words = head.split()
    if colon and len(rest.split()) >= 3 and 0 < len(words) <= 3 and all(w.lower() in _WIDGET_WORDS for w in words):
        return rest.strip()
    first, _, tail = title.partition(" ")
    parts = _CAMEL_JOINT.split(first)
    if len(parts) > 1 and all(p.lower() in _WIDGET_WORDS for p in parts[:-1]) and parts[-1] not in _WIDGET_WORDS:
        return f"{parts[-1]} {tail}".strip()
    return title


_KEY_AT_END = re.compile(r"(?:" + "|".join(_BARE_DATE_KEYS) + r")\s*[:：]?$", re.I)


def strip_trailing_stamp(title: str) -> str:
    """A headline without the post's time glued after it ("X 2005-09-11 18:04:42 楼主" → "X"; a
    date alone may be the headline's: "Four short links: 6 November 2012"; after a key,
    "… Updated Nov 06, 2012 at 05:30pm", it is a byline's, left as it is)."""
    dates = find_dates(title)
    if not dates or dates[-1].datetime is None:
        return title
    head, tail = title[: dates[-1].span[0]].rstrip(), title[dates[-1].span[1]:]
    if (count_han(tail) + len(latin_words(tail)) <= settings.STAMP_TAIL_MAX_TOKENS and not _KEY_AT_END.search(head)
            and (count_han(head) >= 4 or len(latin_words(head)) >= 3) and not find_dates(head)):
        return head.rstrip(" -–—|:：,，")
    return title


def page_title_headlines(page_title: str) -> tuple[str, ...]:
    """The headlines a page's <title> may hold: without its site's suffix ("X - CNN"), and, when
    a site's name leads it, without that too ("Seth's Blog: X"; "Joy the Baker – X", whose X went
    as a suffix). Each is a hint only where a line of the page says it."""
    headline = strip_site_suffix(page_title)
    unprefixed = strip_site_prefix(headline)
    if unprefixed == headline:
        unprefixed = strip_site_prefix(page_title)
    return (headline, unprefixed) if unprefixed != headline else (headline,)


# A headline's second half starts so ("X – With Photos", "X: For Parents"); a site's name does not.
_HEADLINE_GOES_ON = frozenset("with and for of in on at to from after as about over into amid vs".split())


def _site_like(segment: str) -> bool:
    words = latin_words(segment)
    if count_han(segment):
        return count_han(segment) <= settings.SITE_SUFFIX_MAX_HAN
    return (0 < len(words) <= settings.SITE_SUFFIX_MAX_WORDS and not segment.strip()[0].islower()
            and words[0].lower() not in _HEADLINE_GOES_ON)


_GLUED_CHROME = re.compile(r"[a-z]{2}[A-Z]")  # looser than _GLUED_WORDS (whose "MacArthur" is a name)


def chrome_word_share(text: str) -> float:
    """The share of a Latin line's words that are words of page chrome ("Breaking News")."""
    words = latin_words(_GLUED_CHROME.sub(_unglue, text))  # "URLCopied", "Log inSign up": two words
    return sum(w.lower() in _ui_words() for w in words) / len(words) if words else 0.0


# What a Chinese button or widget ends in ("網頁搜尋", "轉寄好友", "友善列印"), in both scripts.
_CHINESE_CHROME_END = re.compile(r"(?:搜[寻尋索]|登[入录錄]|[注註]册|[注註]冊|列印|打印|好友|分享|收藏|[订訂][阅閱]|[关關][闭閉]"
                                 r"|首[页頁]|更多|[检檢]举|[检檢]舉|[举舉][报報])$"
                                 r"|^(?:[联聯][系繫]|[关關][注註])(?:我们|我們|博主|作者|[编編][辑輯]|客服)$"  # "联系博主", "关注我们"
                                 r"|^我要(?:投稿|[评評][论論]|留言|[纠糾][错錯]|分享|收藏)$"  # "我要投稿"
                                 r"|^(?:收藏|打印|列印|分享|[转轉][发發寄]|[关關][闭閉])本[文页頁]$")  # "收藏本文"
_CHINESE_ITEM_SPLIT = re.compile(r"[\s|｜│·•]+")


def chinese_chrome_share(text: str) -> float:
    """The share of a Chinese line's items that are buttons ("本報站內搜尋 網頁搜尋": 1.0; a
    headline about a search, "警方搜索失踪男孩", ends otherwise)."""
    items = [item for item in _CHINESE_ITEM_SPLIT.split(text) if item]
    return sum(bool(_CHINESE_CHROME_END.search(item)) for item in items) / len(items) if items else 0.0


def _unglue(glued: re.Match) -> str:
    return glued.group()[:-1] + " " + glued.group()[-1]


_AUTHOR_KEY = re.compile(r"^(?:文|作者)\s*[/:：]\s*")
_NAME_SEPARATORS = re.compile(r"[、，, ]+")


_AN_OUTLET = re.compile(r"(?:^|, )The ")  # "The Jersey Journal, Hunterdon County Democrat": no persons
_GLUED_WORDS = re.compile(r"[a-z]{4}[A-Z]")  # "Edit ProfileSign Out": two buttons ("McBride" is one name)
# "CSR Departments Redundant, Unilever Chief Says" is a headline: it names nobody
_HEADLINE_VERBS = frozenset("says said warns claims finds reveals urges tells asks".split())


_ROLES = frozenset("coordinator director manager writer reporter correspondent contributor photographer "
                   "analyst".split())


def _no_chrome_words(name: str) -> bool:
    """No word of a line of Latin names is page chrome, a role or a headline's verb ("Pin It",
    "Marketing Coordinator", "Hospital Chief Says")."""
    return not any(w.lower() in _ui_words() or w.lower() in _HEADLINE_VERBS or w.lower() in _ROLES
                   for w in latin_words(name))


def _plausible_author(value: str) -> bool:
    """An author's value holds letters and no sentence ("作者：你知道吗？", "作者：12345", "小编"), and a
    Latin one names a person (_names_a_person)."""
    if (_SENTENCE_MARK.search(value) or not _LETTER.search(value) or value in _NOT_NAMES
            or _NOT_A_PERSON.search(value)):
        return False
    return bool(count_han(value)) or _names_a_person(value) and not _AN_OUTLET.search(value)


_SENTENCE_MARK = re.compile(r"[?？!！。]")
# A site's name and slogan ("财讯网_提供股票…", "财经》综合报道"), a photographer ("廖宇杰摄"), names run
# together after a reporter's title ("半月谈记者谭飞王艳明"), a company or a body ("John Wiley & Sons Ltd",
# "Florida Department of Children").
_NOT_A_PERSON = re.compile(r"[_》《]|[摄攝]$|[记記]者|\b(?:inc|ltd|llc|plc|corp|corporation|companies|department|ministry"
                           r"|university|hospital|institute|association|council|committee|foundation|government)\b\.?",
                           re.I)
_LETTER = re.compile(r"[^\W\d_]")


def _names_a_person(name: str) -> bool:
    """A byline's Latin name is a person's unless it ends in a role ("Staff Writer", "Erin Roe,
    Marketing Coordinator") or is mostly chrome ("A Photo Editor"; "Richard Read" is a name)."""
    words = [w.lower() for w in latin_words(name)]
    return bool(words) and words[-1] not in _ROLES and chrome_word_share(name) <= 0.5


def is_name_line(text: str) -> bool:
    """A line that is only persons' names ("胡平", "赵延东、风笑天", "Denis Campbell",
    "Nick Collins and Kate Hagan"), as under a headline."""
    if not count_han(text):
        return (bool(_LATIN_NAMES_RE.match(text)) and not _GLUED_WORDS.search(text)
                and not _AN_OUTLET.search(text) and _no_chrome_words(text))
    names = _NAME_SEPARATORS.split(_AUTHOR_KEY.sub("", text).strip())
    return 0 < len(names) <= 4 and all(is_name(n) and count_han(n) and _has_surname(n) for n in names)


def _has_surname(name: str) -> bool:
    """A Han name that starts with a known surname and is no known word ("平安")."""
    surnames, not_names = _surnames()
    if name in not_names or len(name) == 4 and (name[:2] in not_names or name[2:] in not_names):
        return False  # ("相关专题", "文章编辑": two words of chrome)
    return name[0] in surnames or name[:2] in surnames


def reporter_names(text: str) -> list[str]:
    """Reporters named in a phrase like "本报记者张三发自北京" or "（记者 张三 李四）"."""
    simple = simplified(text)
    if simple.isascii() or not _REPORTER_WORD_RE.search(simple):
        return []
    m = _REPORTER_RE.search(simple)
    if m:
        if m.group("after").strip() in ("摄", "攝"):
            return []  # "记者张三摄": the photographer
        names = re.split(r"[ 、，,]+", text[m.start("names"): m.end("names")])
        if m.group("after").strip() in ("报道", "报导") and len(names) > 1:
            names = names[:-1]  # "彭冲 山东冠县报道": the place went with the last name
        return [n for n in names if is_name(n)]
    m = _NAME_PLACE_RE.search(simple)
    if m:
        return [n for n in re.split(r"[ 、，,]+", text[m.start("names"): m.end("names")]) if is_name(n)]
    return []


_REVIEWED = re.compile(r"\b(?:reviewed|fact[- ]checked|checked|edited)\s*$", re.I)  # before a "by" that is no writer's
# A wire story's credits under it: its reporters and writer are its authors, the additional
# reporters contributors (not named), the editor its editor
_WIRE_CREDIT_LED = re.compile(r"\(?(?:additional reporting|reporting|writing|editing) by\b", re.I)
_WIRE_CREDIT = re.compile(r"(?:^\(?|[;,]\s*|\band\s+)(?P<role>reporting|writing|editing) by\s+"
                          r"(?P<names>(?:(?![;,]\s*(?:with\s+|additional\s+)?(?:reporting|writing|editing) by)[^;()])+)", re.I)
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*)*$")


def byline_fields(text: str) -> dict[str, list[str]]:
    """Values by field from one byline: {"author": [...], "source": [...], "editor": [...]}."""
    out: dict[str, list[str]] = {}
    simple = _slash_keys(simplified(text))  # one character for one: spans are valid in the original text
    by = _BY_RE.match(text)
    if by:
        name = by.group("name") or by.group("handle")
        if _ROLE_NEXT.match(text, by.end()):  # "By Judith Burns Education reporter BBC News"
            name = _TRAILING_QUALIFIERS.sub("", name)
        out.setdefault("author", []).extend(_split_names(_trim_name_tail(name)))
    keys = list(_KEY_RE.finditer(simple))
    for k, nxt in zip(keys, keys[1:] + [None]):
        field = k.group("key") and _KEYS.get(k.group("key").lower())
        if not field:
            continue
        value = text[k.end(): nxt.start() if nxt else len(text)]
        for f in reversed(find_dates(value)):  # a date glued to the value is not part of it
            value = value[: f.span[0]] + " " + value[f.span[1]:]
        value = _clean_value(value, cut_at_space=field != "author")
        if not value:
            continue
        if field == "author":
            if not _NOT_A_PERSON.search(value):  # ("Florida Department of Children and Families")
                out.setdefault(field, []).extend(_split_names(value))
        else:
            out.setdefault(field, []).append(value)
    if text[:1] in "(RrWwEeAa" and _WIRE_CREDIT_LED.match(text):
        for m in _WIRE_CREDIT.finditer(text):  # "(Reporting by Jane Doe in Geneva; Editing by John Roe)"
            field = "editor" if m.group("role").lower() == "editing" else "author"
            names = _split_names(_trim_name_tail(_IN_PLACE.sub("", m.group("names").strip(" .)"))))
            out.setdefault(field, []).extend(n for n in names if n not in out.get(field, ()))
    if "author" not in out and is_name_line(text):
        out["author"] = (re.split(r"[、，, ]+", re.sub(r"^(?:文|作者)\s*[/:：]\s*", "", text).strip())
                         if count_han(text) else _split_names(text))
    if "author" not in out and (post := _ACCOUNT_POST_RE.match(text)):
        if is_name(post.group("name")):
            out["author"] = [post.group("name")]
        if post.group("source"):
            out.setdefault("source", []).append(post.group("source"))
    if "author" not in out:
        names = reporter_names(text)
        poster = _POSTER_RE.search(simple)
        bracket = _BRACKET_NAME_RE.search(text) if find_dates(text) else None
        # ("Medically reviewed by Jane Roe, MD — Written by John Doe", "… — By John Doe": the
        # writer is the author, the reviewer not)
        inline_by = next((m for m in _INLINE_BY_RE.finditer(text) if not _REVIEWED.search(text, 0, m.start())),
                         None) if find_dates(text) else None
        if not names and poster:
            names = [text[poster.start(g): poster.end(g)] for g in ("a", "b") if poster.group(g)]
            if simple.startswith("楼主") and not _NOT_IN_NAMES.search(names[0]):
                out["author"] = names  # the first post's poster: a handle, which may be longer than a name
                return out
        if not names and bracket and _has_surname(bracket.group("name")):  # ("【收藏】": a button)
            names = [bracket.group("name")]
        if not names and inline_by:
            names = [_trim_name_tail(inline_by.group("name"))]
        names = [n for n in names if is_name(n)]
        if names:
            out["author"] = names
    return out


_BRACKETS = ("()", "（）", "[]", "【】")


def _strip_value(value: str) -> str:
    """Trim separators and brackets from the ends, but keep a bracket that closes: "正北方网(综合)".
    A bracket closing what the value did not open closes the byline's own: the value ends there
    ("（编辑：李明）1130305": the editor is 李明)."""
    value = value.strip(_VALUE_TRIM)
    for opening, closing in _BRACKETS:
        at = value.find(closing)
        if at > 0 and opening not in value[:at]:
            value = value[:at].strip(_VALUE_TRIM)
    for opening, closing in _BRACKETS:
        if opening in value and value.count(opening) > value.count(closing):
            value += closing
    return value


# A site's code for its staff member after a Chinese name: "王晓武_NF5619", "李明_B1234"
_STAFF_CODE = re.compile(r"(?<=[\u4e00-\u9fff])_[A-Za-z]{1,4}\d{2,6}$")


def _clean_value(value: str, cut_at_space: bool) -> str | None:
    """A byline value without its trimmings, or None when it is template garbage."""
    value = _strip_value(value)
    if cut_at_space and count_han(value):  # "网易商业报道 发表评论 查看评论": it ends at a space
        value = _strip_value(re.split(r"\s|】|\]", value)[0])
    value = _STAFF_CODE.sub("", value)
    if not value or len(value) > settings.NAME_MAX_CHARS or re.search(r"[=<>]|size\b", value):
        return None
    return value


# "周思博 (Joel Spolsky)": a Chinese name with the Latin one it stands for
_NAME_WITH_LATIN = re.compile(r"^[\u4e00-\u9fff·]{2,6}\s*[（(][A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}[)）]$")


_NOT_A_NAME_TAIL = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march "
                             "april may june july august september october november december jan feb mar apr "
                             "jun jul aug sep sept oct nov dec published posted updated on at "
                             "rss comments comment discuss topics share email print more twitter facebook".split())
_GLUED_WORD = re.compile(r"(?<=[a-z]{2})[A-Z][a-z]+$")
# What follows a name on its line: " - Oct• 31•12" (a date), "(Diary" (a bracket left open).
_AFTER_A_NAME = re.compile(r"\s+[-–—|]\s+(?=.*\d)|\s*\((?![^()]*\))")


# A staff role after a name: "Jane Roe Health Reporter For Mailonline", "John Doe, Senior Correspondent",
# "Jane Roe - Staff Writer"
_ROLE_AFTER_A_NAME = re.compile(r"(?:,|\s+[-–—|])\s+(?:[\w'’&-]+\s+){0,3}(?:" + _STAFF_ROLES + r")\b"
                                r"|\s+(?:(?:" + _ROLE_QUALIFIERS + r")\s+){1,3}(?:" + _STAFF_ROLES + r")\b", re.I)


def _trim_name_tail(name: str) -> str:
    """"Stephen M. Walt Thursday", "Joe Comments", "Alex Hern Published Nov.", "Jason Roe - Oct•
    31•12", "Jane RoeOpinion": the words after a name that are no name's."""
    words = _ROLE_AFTER_A_NAME.split(_AFTER_A_NAME.split(name, maxsplit=1)[0], maxsplit=1)[0].split()
    glued = _GLUED_WORD.search(words[-1]) if words else None
    if glued and glued.group().lower() in _ui_words():
        words[-1] = words[-1][: glued.start()]  # "Spencer HendricksOpinion": a section link glued on
    while len(words) > 1 and words[-1].lower().rstrip(".") in _NOT_A_NAME_TAIL:
        words.pop()
    if len(words) > 1 and words[-1].endswith(".") and len(words[-1]) > 3 and words[-1].count(".") == 1:
        words[-1] = words[-1][:-1]  # "Sky Friedlander. Posted": a sentence's stop, no initial's
    return " ".join(words)


def _split_names(value: str) -> list[str]:
    if _NAME_WITH_LATIN.match(value.strip()):  # one person, in both scripts
        return [re.sub(r"\s*[（(]\s*", " (", value.strip()).replace("）", ")")]
    value = value.strip(_VALUE_TRIM)
    if count_han(value):  # Chinese names are separated by spaces or list marks
        value = re.split(r"[：:（(]", value)[0].strip()  # "赵 培：北京物资学院" — an affiliation follows
        value = re.sub(r"^([\u4e00-\u9fff]) ([\u4e00-\u9fff]{1,2})$", r"\1\2", value)  # "赵 培"
        parts = re.split(r"[\s、,，;；/]+", value)
    else:
        parts = [_trim_name_tail(p) for p in re.split(r"\s*(?:[,;/&]|\band\b)\s*", value)]
    parts = [p.strip(_VALUE_TRIM) for p in parts if p.strip(_VALUE_TRIM)]
    if len(parts) == 1:
        return parts  # one value: a name, or an issuing body (发文机关：吉林省人民政府)
    # several: names, a Chinese one of two or three characters with its surname, four with a
    # compound one ("潘姿羽 文字大小", "李兆清 江蘇南通 職員": a key's name, a place, a role)
    return [p for p in parts if is_name(p) and (not count_han(p) or _has_surname(p) and (
        len(p) <= 3 or p[:2] in _surnames()[0]))]


_BRACKETED_RE = re.compile(r"[(（]([^()（）]{2,40})[)）]")


def dateline_authors(paragraph: str) -> list[str]:
    """Authors credited where a first paragraph opens: "(Reporter Ye Xiaomin reported)",
    "本报讯（记者 张三）", "本报记者张三报道", "（中央社記者陳婉茹台北5日電）"."""
    m = _DATELINE_RE.match(paragraph)
    if m:
        names = re.split(r"\s*(?:correspondent)\s*", m.group("names"), flags=re.I)
        return [n for part in names for n in _split_names(part)]
    head = paragraph[: settings.DATELINE_MAX_CHARS]
    for group in _BRACKETED_RE.findall(head):
        if names := _agency_reporters(group) or reporter_names(group):
            return names
    m = _REPORTER_RE.search(simplified(head))
    return reporter_names(head) if m and m.start() <= settings.DATELINE_PREFIX_CHARS else []


# "中央社記者陳婉茹台北5日電", "記者王小明、林敬東京5日電": reporters, then the place and the day of
# the agency's dispatch, run together
_AGENCY_DISPATCH_RE = re.compile(r"记者(?P<others>(?:[\u4e00-\u9fff]{2,3}、)*)(?P<last>[\u4e00-\u9fff]{4,10}?)\d{1,2}日电")


def _agency_reporters(text: str) -> list[str]:
    """The reporters of an agency's dispatch line: the last name runs into the place, which is
    two characters or more, and a name is three characters unless that leaves the place fewer."""
    m = _AGENCY_DISPATCH_RE.search(simplified(text))
    if not m:
        return []
    last = m.group("last")
    size = 3 if len(last) >= 5 else 2
    start = m.start("last")
    names = [n for n in text[m.start("others"): m.end("others")].split("、") if n] + [text[start: start + size]]
    return names if all(is_name(n) for n in names) else []


def closing_authors(paragraph: str) -> list[str]:
    """Authors credited in brackets where a last paragraph closes: "（记者 胡晓蓉）",
    "（姚峰 上海报道）", "（常书香 马丹阳）"."""
    m = re.search(r"[(（]([^()（）]{2,40})[)）]\s*$", paragraph)
    if not m:
        return []
    inside = m.group(1)
    if names := reporter_names(m.group(0)):
        return names
    return re.split(r"[、，, ]+", inside.strip()) if is_name_line(inside) else []


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


def extract(meta_lines: list[str], first_paragraph: str | None = None,
            last_paragraph: str | None = None, near_title: list[str] = (),
            below: list[str] = (), credited: list[str] = ()) -> Metadata:
    """Metadata from the page's byline/editor lines (best first; `below`: those under the
    article, whose names count only when the others name nobody: a post's footer, a guest
    author's host; `credited`: pen names the page credits, after the bylines' names), its
    first and last paragraphs, and, for the date only, the lines around the headline."""
    md = Metadata()
    for text in list(meta_lines) + list(below) + list(near_title):
        dates = find_dates(text)
        if dates:
            md.date, md.datetime = dates[0].date, dates[0].datetime
            break
    above, under = _fields(meta_lines), _fields(below)
    authors = above["author"] or list(credited) or under["author"]
    if not authors and first_paragraph:
        authors = dateline_authors(first_paragraph)
    if not authors and last_paragraph:
        authors = closing_authors(last_paragraph)
    md.author = _join(authors)
    md.source = _join((above["source"] + under["source"])[:1])
    md.editor = _join(above["editor"] + under["editor"])
    return md


def _fields(lines: list[str]) -> dict[str, list[str]]:
    """The values of some bylines by field; a site given as the author ("Author:Tianshan.com")
    is the source."""
    fields: dict[str, list[str]] = {"author": [], "source": [], "editor": []}
    for text in lines:
        for field, values in byline_fields(text).items():
            fields[field].extend(values)
    sites = [a for a in fields["author"] if _SITE_RE.search(a) and not count_han(a) > 4]
    fields["author"] = [a for a in fields["author"] if a not in sites and _plausible_author(a)]
    fields["source"] = fields["source"] or sites
    return fields


def with_hints(md: Metadata, hints: dict) -> Metadata:
    """Fill what the page's text did not give from its markup (JSON-LD, <meta>, <time>)."""
    if md.date is None and hints.get("date"):
        found = find_dates(hints["date"])
        if found:
            md.date, md.datetime = found[0].date, found[0].datetime
    if md.source is None and hints.get("source") and len(hints["source"]) <= settings.NAME_MAX_CHARS:
        md.source = hints["source"]
    author = hints.get("author")
    if md.author is None and author and len(author) <= settings.NAME_MAX_CHARS:
        if _SITE_RE.search(author):
            md.source = md.source or author
        elif _plausible_author(author):
            md.author = author
    return md


def dated_header(lines: list[str]) -> tuple[str | None, str | None]:
    """(date, datetime) of the first headline-shaped line followed by a dated byline, among
    the lines before an article — for pages whose headline the layout did not find."""
    for head, byline in zip(lines, lines[1:]):
        tokens = count_han(byline) + len(latin_words(byline))
        if (_HEADLINE_SHAPE.match(head) and not is_name_line(head) and is_byline(byline, tokens)
                and (dates := find_dates(byline))):
            return dates[0].date, dates[0].datetime
    return None, None


# A headline: 6-60 Han characters or 4-25 words, not ending a sentence, no menu separators.
_HEADLINE_SHAPE = re.compile(r"^(?=.{6,120}$)(?!.*[|>»])(?:(?=(?:.*[\u4e00-\u9fff]){6})|(?:\S+\s+){3,24}\S+$).*[^。.!?！？:：]$")
