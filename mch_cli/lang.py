"""Language by script first; langdetect (seeded, imported lazily) only for longer Latin or
Cyrillic text that does not read as English. Labels and rules: SCHEMA.md "Language"."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from . import settings
from .script import HAN_RE, HANGUL_RE, KANA_RE, LATIN_WORD_RE, URL_EMAIL_RE

_EN_FUNCTION_WORDS = frozenset("""the of and to in a is that for on with as was by at from it an be are
this which or were has have had not but been its their his her they he she we will would said
who after than more about also into over can our you your i all one two new""".split())
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]+")
_OTHER_SCRIPTS = (  # script → language when that script alone carries the line
    (re.compile(r"[\u0600-\u06ff]"), "ar"), (re.compile(r"[\u05d0-\u05ea]"), "he"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"), (re.compile(r"[\u0370-\u03ff]"), "el"),
    (re.compile(r"[\u0900-\u097f]"), "hi"),
)
# Two Latin words in a row (SCHEMA.md: a mixed line has at least two consecutive Latin words).
_TWO_LATIN_WORDS = re.compile(LATIN_WORD_RE.pattern + r"[\s,.;:'\"-]+" + LATIN_WORD_RE.pattern)


def _latin_lang(words: list[str]) -> str:
    """en, or what langdetect says for longer non-English Latin text."""
    if len(words) < settings.LANGDETECT_MIN_WORDS:
        return "en"
    share = sum(w.lower() in _EN_FUNCTION_WORDS for w in words) / len(words)
    if share >= settings.ENGLISH_STOPWORD_SHARE:
        return "en"
    return _langdetect(" ".join(words)) or "en"


@lru_cache(maxsize=4096)
def _langdetect(text: str) -> str | None:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException
    DetectorFactory.seed = 0  # deterministic answers
    try:
        code = detect(text)
    except LangDetectException:
        return None
    return code.split("-")[0]


def spans_by_language(text: str) -> Counter:
    """Body tokens per language: Han characters and Latin words (SCHEMA.md `langs`)."""
    text = URL_EMAIL_RE.sub(" ", text)
    counts: Counter = Counter()
    han = len(HAN_RE.findall(text))
    kana = len(KANA_RE.findall(text))
    hangul = len(HANGUL_RE.findall(text))
    if han or kana:
        counts["ja" if kana else "zh"] += han + kana
    if hangul:
        counts["ko"] += hangul
    words = LATIN_WORD_RE.findall(text)
    if words:
        counts[_latin_lang(words)] += len(words)
    cyr = _CYRILLIC_RE.findall(text)
    if cyr:
        counts[_langdetect(" ".join(cyr)) or "ru"] += len(cyr)
    for pattern, code in _OTHER_SCRIPTS:
        n = len(pattern.findall(text))
        if n:
            counts[code] += n
    return counts


def line_lang(text: str) -> str:
    """The language of one line or paragraph: a code, `mixed`, or `und`."""
    clean = URL_EMAIL_RE.sub(" ", text)
    counts = spans_by_language(clean)
    if not counts:
        return "und"
    if counts.get("zh", 0) >= 2 and _TWO_LATIN_WORDS.search(clean):
        return "mixed"
    if counts.get("zh") or counts.get("ja"):
        return "ja" if counts.get("ja") else "zh"
    return counts.most_common(1)[0][0]


def document_lang(counts: Counter) -> tuple[str, dict[str, float]]:
    """(`lang`, `langs`) from the body's tokens per language."""
    total = sum(counts.values())
    if not total:
        return "und", {}
    shares = {code: round(n / total, 3) for code, n in counts.most_common()}
    ranked = counts.most_common(2)
    if len(ranked) == 2 and ranked[1][1] / total >= settings.LANG_MIXED_DOC_SHARE:
        return "mixed", shares
    return ranked[0][0], shares
