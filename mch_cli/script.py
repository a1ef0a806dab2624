"""Character-level helpers shared by every step: normalisation, scripts, tokens.

Cheap by design: these run on every line of every page.
"""
from __future__ import annotations

import re

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")

# Han ideographs (CJK unified, extension A, compatibility) — one token each, as in score.py.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = "\u3040-\u30ff"
HANGUL = "\uac00-\ud7af\u1100-\u11ff"
LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"

HAN_RE = re.compile(f"[{HAN}]")
# A pattern written to start with a character class ("[x][x]*", not "[x]+", which matches the
# same) lets `re` skip to the first character that can start a match; one that starts with a
# repeat is tried at every position, several times slower on text with few matches (a Latin
# word on a Chinese line, a Han character on an English one).
_HAN_RUN_RE = re.compile(f"[{HAN}][{HAN}]*")
KANA_RE = re.compile(f"[{KANA}]")
HANGUL_RE = re.compile(f"[{HANGUL}]")
# A Latin word: letters, with inner apostrophes/hyphens ("children's", "well-known").
LATIN_WORD_RE = re.compile(f"[{LATIN}][{LATIN}]*(?:['’\\-][{LATIN}]+)*")  # (see _HAN_RUN_RE)
# score.py's tokens: one CJK character, or a run of letters/digits.
TOKEN_RE = re.compile(f"[{KANA}{HAN}\uac00-\ud7af]|[^\\W_]+")
URL_EMAIL_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)

CJK_PUNCT = "，。！？；：、“”‘’（）《》【】…—"
# Terminal punctuation of a sentence, both scripts (closing quotes/brackets may follow).
# An emoji or two may close it: "See you soon! 🙂".
SENTENCE_END_RE = re.compile(r"[。！？!?.;；…][”’\"'」』)）\]】]*(?:\s?[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?)*$")
# Punctuation that occurs inside running prose, both scripts.
PROSE_PUNCT_RE = re.compile(r"[，。！？；、,.!?;]")


# Traditional → Simplified for the vocabulary of bylines, boilerplate and captions, one character
# for one (so positions in the text stay valid): the patterns are written once, in Simplified.
SIMPLIFIED = str.maketrans('權載轉聲責編輯關聞評論發網與讀點擊閱覽條頁聯繫電話舉報郵圖為來記時間隨視頻廣熱門薦專題標籤錄註冊會員頂導當現訊號備許證營經組碼設動臺灣參協議戶費務單車將續復們說這個對過還後麼寫攝貼區體稱據歡無訂簡紹詳細隱產類觀僅資處於讚佈週歷檔則應該須並傳構見談聽顯確認請贊鏈層級紀畫內訪問種陸蘭頭顧國', '权载转声责编辑关闻评论发网与读点击阅览条页联系电话举报邮图为来记时间随视频广热门荐专题标签录注册会员顶导当现讯号备许证营经组码设动台湾参协议户费务单车将续复们说这个对过还后么写摄贴区体称据欢无订简绍详细隐产类观仅资处于赞布周历档则应该须并传构见谈听显确认请赞链层级纪画内访问种陆兰头顾国')


# Most lines hold no Traditional character: one scan for one is much cheaper than translating.
_TRADITIONAL_RE = re.compile("[" + "".join(map(chr, SIMPLIFIED)) + "]")


def simplified(text: str) -> str:
    if text.isascii() or not _TRADITIONAL_RE.search(text):
        return text
    return text.translate(SIMPLIFIED)


def normalise(text: str) -> str:
    """SCHEMA.md normalisation: drop zero-width characters, collapse whitespace, trim.
    (Whitespace as str.split() sees it: regex's \\s, NBSP and U+3000 included. A scan for
    zero-width characters is cheaper than translating every line.)"""
    if has_zero_width(text):
        text = text.translate(_ZERO_WIDTH)
    return " ".join(text.split())


def has_zero_width(text: str) -> bool:
    return _ZERO_WIDTH_RE.search(text) is not None


def count_han(text: str) -> int:
    # runs rather than characters: far fewer match objects on Chinese text
    return 0 if text.isascii() else sum(map(len, _HAN_RUN_RE.findall(text)))


def without_urls(text: str) -> str:
    """URLs and e-mail addresses replaced by a space. Most texts hold neither: three substring
    tests spare the regex (whose e-mail branch is slow on long runs of letters or Han)."""
    if "@" in text or "://" in text or "." in text and "www." in text.lower():
        return URL_EMAIL_RE.sub(" ", text)
    return text


def latin_words(text: str) -> list[str]:
    return LATIN_WORD_RE.findall(text)


def token_count(text: str) -> int:
    """Tokens as score.py counts them: CJK characters plus letter/digit runs."""
    return len(TOKEN_RE.findall(text))
