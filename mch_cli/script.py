"""Character-level helpers shared by every step: normalisation, scripts, tokens.

Cheap by design: these run on every line of every page.
"""
from __future__ import annotations

import re

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = re.compile(r"[\s\u00a0\u3000]+")

# Han ideographs (CJK unified, extension A, compatibility) — one token each, as in score.py.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = "\u3040-\u30ff"
HANGUL = "\uac00-\ud7af\u1100-\u11ff"
LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"

HAN_RE = re.compile(f"[{HAN}]")
KANA_RE = re.compile(f"[{KANA}]")
HANGUL_RE = re.compile(f"[{HANGUL}]")
# A Latin word: letters, with inner apostrophes/hyphens ("children's", "well-known").
LATIN_WORD_RE = re.compile(f"[{LATIN}]+(?:['’\\-][{LATIN}]+)*")
# score.py's tokens: one CJK character, or a run of letters/digits.
TOKEN_RE = re.compile(f"[{KANA}{HAN}\uac00-\ud7af]|[^\\W_]+")
URL_EMAIL_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)

CJK_PUNCT = "，。！？；：、“”‘’（）《》【】…—"
# Terminal punctuation of a sentence, both scripts (closing quotes/brackets may follow).
SENTENCE_END_RE = re.compile(r"[。！？!?.;；…][”’\"'」』)）\]】]*$")
# Punctuation that occurs inside running prose, both scripts.
PROSE_PUNCT_RE = re.compile(r"[，。！？；、,.!?;]")


def normalise(text: str) -> str:
    """SCHEMA.md normalisation: drop zero-width characters, collapse whitespace, trim."""
    return _SPACES.sub(" ", text.translate(_ZERO_WIDTH)).strip()


def count_han(text: str) -> int:
    return len(HAN_RE.findall(text))


def latin_words(text: str) -> list[str]:
    return LATIN_WORD_RE.findall(text)


def token_count(text: str) -> int:
    """Tokens as score.py counts them: CJK characters plus letter/digit runs."""
    return len(TOKEN_RE.findall(text))
