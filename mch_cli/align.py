"""Chinese–English translation pairs from bilingual pages whose lines or paragraphs interleave
translations: a parallel-corpus extractor.

Every non-empty line of the page is a unit, a mixed line (seed 004, line 8) one unit per language
span; pinyin (romanised Chinese, `zh` without Han characters) is left out. Two neighbouring units, one `zh` and one `en`, are a pair when they read as translations of
each other: the English has a fitting number of words per Han character, both carry the same
numbers (English month names count as numbers), the Latin tokens of the Chinese (WHO, H5N1) occur in
the English, both have about as many sentences, and neither is a menu or carries a `Label:` the
other lacks ("Previous post: …"). When a unit fits both neighbours, the better fit wins.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from . import lang, settings
from .script import count_han, latin_words, normalise


@dataclass(frozen=True)
class Pair:
    zh: str
    en: str
    lines: tuple[int, ...]       # the 1-based input lines the two sides came from

    def to_dict(self, path: str) -> dict:
        return {"path": path, "zh": self.zh, "en": self.en, "lines": list(self.lines)}


@dataclass(frozen=True)
class Unit:
    lang: str
    text: str
    line: int


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_WAN_RE = re.compile(r"(\d+(?:\.\d+)?)\s*([万亿])")
_MONTHS = {m: str(n) for n, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
    "august aug", "september sep sept", "october oct", "november nov", "december dec"), 1)
    for m in names.split()}
_MONTH_RE = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?", re.I)
_ASCII_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_ZH_SENTENCE_RE = re.compile(r"[。！？!?]+")
_EN_SENTENCE_RE = re.compile(r"[.!?]+(?=[\s\"'”’)]|$)")
_MENU_RE = re.compile(r"\s[|>»•·]\s|[|»•]")
_COLON_RE = re.compile("[:：]")
_LABEL_RE = re.compile(r"^[【\[(（]?(?:[A-Za-z]+(?: [A-Za-z]+){0,2}|[\u4e00-\u9fff]{1,6}) ?[:：]")


def units(text: str) -> list[Unit]:
    """The page as a sequence of one-language units, in reading order."""
    out = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = normalise(raw)
        if not line:
            continue
        code = lang.line_lang(line)
        found = ([Unit(s.lang, s.text, number) for s in lang.split_spans(line)] if code == lang.MIXED
                 else [Unit(code, line, number)])
        # pinyin is Chinese in Latin letters: never one side of a pair, and no unit between a
        # Chinese line and its English
        out += [u for u in found if not (u.lang == "zh" and not count_han(u.text))]
    return out


def pairs(text: str) -> list[Pair]:
    """The translation pairs of one page, in page order."""
    us = units(text)
    found, i = [], 0
    while i + 1 < len(us):
        here = _fit(us[i], us[i + 1])
        after = _fit(us[i + 1], us[i + 2]) if i + 2 < len(us) else None
        if here is not None and (after is None or here >= after):
            zh, en = (us[i], us[i + 1]) if us[i].lang == "zh" else (us[i + 1], us[i])
            found.append(Pair(zh.text, en.text, tuple(sorted({zh.line, en.line}))))
            i += 2
        else:
            i += 1
    return found


def _fit(a: Unit, b: Unit) -> float | None:
    if {a.lang, b.lang} != {"zh", "en"}:
        return None
    return (translation_score(a.text, b.text) if a.lang == "zh"
            else translation_score(b.text, a.text))


def translation_score(zh: str, en: str) -> float | None:
    """How well `en` fits as the translation of `zh` (higher is better); None when it does not."""
    han, words = count_han(zh), len(latin_words(en))
    if han < settings.ALIGN_MIN_HAN or words < settings.ALIGN_MIN_WORDS:
        return None
    ratio = words / han
    if not settings.ALIGN_MIN_RATIO <= ratio <= settings.ALIGN_MAX_RATIO:
        return None
    if _MENU_RE.search(zh) or _MENU_RE.search(en):
        return None
    if (_LABEL_RE.match(en) and not _COLON_RE.search(zh)) or (_LABEL_RE.match(zh) and not _COLON_RE.search(en)):
        return None
    if not _close(len(_ZH_SENTENCE_RE.findall(zh)), len(_EN_SENTENCE_RE.findall(en))):
        return None
    latin = {t.lower() for t in _ASCII_TOKEN_RE.findall(zh)}
    if latin and len(latin & {t.lower() for t in _ASCII_TOKEN_RE.findall(en)}) < len(latin) / 2:
        return None
    zh_numbers, en_numbers = _numbers(_WAN_RE.sub(_times, zh)), _numbers(_MONTH_RE.sub(lambda m: f" {_MONTHS[m[1].lower()]} ", en))
    shared = 1.0
    if zh_numbers or en_numbers:
        shared = len(zh_numbers & en_numbers) / max(len(zh_numbers), len(en_numbers))
        if shared < settings.ALIGN_MIN_NUMBER_SHARE:
            return None
    return shared - abs(math.log(ratio / settings.ALIGN_TYPICAL_RATIO))


def _close(a: int, b: int) -> bool:
    return abs(a - b) <= max(settings.ALIGN_MAX_SENTENCE_GAP, settings.ALIGN_SENTENCE_GAP_SHARE * max(a, b))


def _times(m: re.Match) -> str:
    """3万 → 30000, 1.2亿 → 120000000: Chinese counts in ten thousands and hundred millions."""
    return str(round(float(m[1]) * (10_000 if m[2] == "万" else 100_000_000)))


def _numbers(text: str) -> set[str]:
    """Numbers as written, thousands separators and leading zeros dropped: 2,000 → 2000, 02 → 2."""
    text = _THOUSANDS_RE.sub("", text.translate(_FULLWIDTH_DIGITS))
    return {n if "." in n else n.lstrip("0") or "0" for n in _NUMBER_RE.findall(text)}
