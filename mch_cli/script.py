"""Character-level helpers shared by every step: normalisation, scripts, tokens.

Cheap by design: these run on every line of every page.
"""
from __future__ import annotations

import codecs
import re
from functools import lru_cache
from typing import NamedTuple

from .decode import set_up

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))

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
HAN_RUN_RE = re.compile(f"[{HAN}][{HAN}]*")
KANA_RE = re.compile(f"[{KANA}]")
HANGUL_RE = re.compile(f"[{HANGUL}]")
# A Latin word: letters, with inner apostrophes/hyphens ("children's", "well-known").
LATIN_WORD_RE = re.compile(f"[{LATIN}][{LATIN}]*(?:['’\\-][{LATIN}]+)*")  # (see HAN_RUN_RE)
# score.py's tokens: one CJK character, or a run of letters/digits.
TOKEN_RE = re.compile(f"[{KANA}{HAN}\uac00-\ud7af]|[^\\W_]+")
URL_EMAIL_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)

CJK_PUNCT = "，。！？；：、“”‘’（）《》【】…—"
# Terminal punctuation of a sentence, both scripts (closing quotes/brackets may follow).
# An emoji or two may close it: "See you soon! 🙂".
SENTENCE_END_RE = re.compile(r"[。！？!?.;；…][”’\"'」』)）\]】]*(?:\s?[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?)*$")
# Punctuation that occurs inside running prose, both scripts.
PROSE_PUNCT_RE = re.compile(r"[，。！？；、,.!?;]")


class HanVariants(NamedTuple):
    """data/han_variants.tsv, the one table of Han variants, by its users."""
    to_simplified: dict[int, str]   # Traditional → Simplified, one character for one (segment)
    traditional_only: frozenset[str]  # a text holding one is Traditional (segment converts it)
    vocabulary: dict[int, str]      # the patterns' words, converted on every line (simplified)
    vocabulary_re: re.Pattern       # ... one of them, found (most lines hold none)
    hant: str                       # frequent Traditional-only forms (lang: Hant)
    hans: str                       # frequent Simplified-only forms (lang: Hans)
    jpan: str                       # Japanese-only kanji (lang)


@lru_cache(maxsize=1)
@set_up
def han_variants() -> HanVariants:
    """Read once, when first asked (not at start-up)."""
    from importlib import resources

    table = resources.files("mch_cli").joinpath("data/han_variants.tsv").read_text(encoding="utf-8")
    to_simplified, vocabulary = {}, {}
    traditional_only, hant, hans, jpan = set(), [], {}, []
    for row in table.splitlines():
        if not row or row.startswith("#"):
            continue
        char, simple, flags = row.split("\t")
        if simple != "-":
            to_simplified[ord(char)] = simple
        if "t" in flags:
            traditional_only.add(char)
        if "p" in flags:
            vocabulary[ord(char)] = simple
        if "T" in flags:
            hant.append(char)
        if "S" in flags:
            hans[simple] = None  # in table order, once each
        if "J" in flags:
            jpan.append(char)
    return HanVariants(to_simplified, frozenset(traditional_only), vocabulary,
                       re.compile("[" + "".join(map(chr, vocabulary)) + "]"),
                       "".join(hant), "".join(hans), "".join(jpan))


def simplified(text: str) -> str:
    """The vocabulary of bylines, boilerplate and captions in Simplified, one character for one
    (positions in the text stay valid): the patterns are written once, in Simplified."""
    if text.isascii():
        return text
    variants = han_variants()
    if not variants.vocabulary_re.search(text):  # most lines: one scan is cheaper than translating
        return text
    return text.translate(variants.vocabulary)


def normalise(text: str) -> str:
    """SCHEMA.md normalisation: drop zero-width characters, collapse whitespace, trim.
    (Whitespace as str.split() sees it: regex's \\s, NBSP and U+3000 included. A scan for
    zero-width characters is cheaper than translating every line.)"""
    if has_zero_width(text):
        text = text.translate(_ZERO_WIDTH)
    return " ".join(text.split())


def has_zero_width(text: str) -> bool:
    # five substring tests (a fast search each, none on ASCII text) are cheaper than one regex scan
    return not text.isascii() and ("\u200b" in text or "\u200c" in text or "\u200d" in text
                                   or "\u2060" in text or "\ufeff" in text)


def count_han(text: str) -> int:
    # runs rather than characters: far fewer match objects on Chinese text
    return 0 if text.isascii() else sum(map(len, HAN_RUN_RE.findall(text)))


# han_counts: HAN's ranges are whole blocks of 256 characters (U+3400-U+4CFF, U+4E00-U+9FFF,
# U+F900-U+FAFF) but U+4D00-U+4DBF (the block ends in hexagram symbols): a character is Han by the
# high byte of its UTF-16 code alone, where no character of the page is in that block.
_HAN_HIGH_BYTES = bytes(range(0x34, 0x4D)) + bytes(range(0x4E, 0xA0)) + b"\xf9\xfa"
_LINE_JOINT = "\u0800"  # joins the lines: its high byte, 0x08, is no Han's (nor, mostly, any line's)
_NOT_HAN_HIGH_BYTES = bytes(b for b in range(256) if b not in _HAN_HIGH_BYTES and b != 0x08)


def han_counts(texts: list[str]) -> list[int]:
    """[count_han(text) for text in texts], in one pass over the page: its UTF-16 high bytes,
    all but Han's and the joints' deleted, split at the joints. (A regex makes a string of every
    run of Han, line by line: several times the cost on Chinese text.)"""
    joined = _LINE_JOINT.join(texts)
    highs = codecs.utf_16_be_encode(joined, "surrogatepass")[0][::2]
    if len(highs) != len(joined) or b"\x4d" in highs or highs.count(0x08) != len(texts) - 1:
        # a character beyond the BMP (two codes), one in U+4D00-U+4DFF or of the joint's block
        return list(map(count_han, texts))
    return list(map(len, highs.translate(None, _NOT_HAN_HIGH_BYTES).split(b"\x08")))


def without_urls(text: str) -> str:
    """URLs and e-mail addresses replaced by a space. Most texts hold neither: substring tests
    spare the regex (whose e-mail branch is slow on long runs of letters or Han), and the lower
    case copy of a text holding no "ww" in any case."""
    if "@" in text or "://" in text or "." in text and (
            ("ww" in text or "WW" in text or "Ww" in text or "wW" in text) and "www." in text.lower()):
        return URL_EMAIL_RE.sub(" ", text)
    return text


def latin_words(text: str) -> list[str]:
    return LATIN_WORD_RE.findall(text)


def token_count(text: str) -> int:
    """Tokens as score.py counts them: CJK characters plus letter/digit runs."""
    return len(TOKEN_RE.findall(text))
