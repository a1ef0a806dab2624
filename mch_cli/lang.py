"""Language by script first; langdetect (seeded, imported lazily) only for Latin or Cyrillic text
long enough to judge that shows signs of a language other than English. Labels and rules:
SCHEMA.md "Language".

Per line: URLs and e-mail addresses are removed, then letters are counted per script — Han, Kana,
Hangul, Latin words, Cyrillic words, a few others. A Han-only line is always `zh`; Japanese needs
Kana (a share of the CJK characters, or any Kana with a Japanese-only kanji like 対); at least 2 Han characters and 2 consecutive Latin words make it `mixed`; no letters, `und`.
Latin text is English unless it shows another language: langdetect on long enough text with
signs of one, the function words of one language on a short line; pinyin is `zh`.
Tokens are counted as in score.py: one Han character or one word is one token.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from . import settings
from .article import Span
from .decode import imported, set_up
from .script import HAN, HAN_RE, LATIN, count_han, han_variants, without_urls

MIXED, UNDETERMINED = "mixed", "und"

_LATIN = LATIN + "\u1e00-\u1eff"            # + Latin Extended Additional (Vietnamese)
_WORD_RE = re.compile(f"[{_LATIN}][{_LATIN}]*(?:['’\\-][{_LATIN}]+)*")  # (see script.HAN_RUN_RE)
# One scan for a Latin letter is far cheaper on Chinese text than looking for words (or two).
_LETTER_RE = re.compile(f"[{_LATIN}]")
# A whole Latin token (letters, then letters or digits: "H5N1", "COVID-19"), not glued to digits:
# led by its first letter, the look-behind after it (see script.HAN_RUN_RE; a pattern led by a
# look-behind is tried at every position of a long Chinese paragraph).
_TOKEN = f"[{_LATIN}](?<![0-9{_LATIN}].)[0-9{_LATIN}]*(?:['’\\-][0-9{_LATIN}]+)*"
# SCHEMA.md: two Latin words in a row — a space between them, punctuation around it allowed.
_TWO_WORDS_RE = re.compile(_TOKEN + r"[,.;:!?'\"’”)\]]*\s+(?:[&/+\-–—]\s+)?[(\[\"'“‘]*" + _TOKEN)
# Stretches without CJK characters or CJK punctuation: where a Latin-script span can be.
_NON_CJK_RE = re.compile(f"[^{HAN}\u3000-\u30ff\u3130-\u318f\uac00-\ud7af\uff00-\uffef]+")
_SPAN_HEAD_RE = re.compile(f"[(\\[\"'“‘]*{_TOKEN}")
_SPAN_TAIL_RE = re.compile(r"[\s,;:、(\[“‘]+$")

_KANA_RE = re.compile("[\u3041-\u3096\u30a1-\u30fa]")   # Kana letters (not ・ or ー)
_HANGUL_RE = re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]+")
_LATIN1_RE = re.compile("[\u00c0-\u00ff]")
_ACCENTED_RE = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")
_OTHER_SCRIPTS = (  # script → language when that script carries the line; runs are tokens
    ("\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff", "ar"), ("\u05d0-\u05ea\u05f0-\u05f2", "he"),
    ("\u0386-\u03ff", "el"), ("\u0e01-\u0e4e", "th"), ("\u0904-\u0939\u0958-\u0961", "hi"),
    ("\u0985-\u09b9", "bn"), ("\u0a05-\u0a39", "pa"), ("\u0a85-\u0ab9", "gu"), ("\u0b85-\u0bb9", "ta"),
    ("\u0c05-\u0c39", "te"), ("\u0c85-\u0cb9", "kn"), ("\u0d05-\u0d39", "ml"), ("\u0d85-\u0dc6", "si"),
    ("\u0e81-\u0eae", "lo"), ("\u0f40-\u0f6c", "bo"), ("\u1000-\u102a", "my"), ("\u1780-\u17b3", "km"),
    ("\u1200-\u135a", "am"), ("\u10d0-\u10ff", "ka"), ("\u0531-\u0587", "hy"),
)
_OTHER_RES = tuple((re.compile(f"[{chars}]+"), code) for chars, code in _OTHER_SCRIPTS)
# One pass tells whether any script besides Han and Latin is present at all.
_RARE = ("\u3041-\u3096\u30a1-\u30fa\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
         "\u0400-\u04ff" + "".join(chars for chars, _ in _OTHER_SCRIPTS))
_RARE_RE = re.compile(f"[{_RARE}]")
# ... or Latin Extended Additional, which script.LATIN_WORD_RE leaves out of words and _WORD_RE
# takes: without either, the classifier's words are ours, and it found no other script.
_UNCOMMON_RE = re.compile(f"[{_RARE}\u1e00-\u1eff]")

_EN_WORDS = frozenset("""the of and to in a is that for on with as was by at from it an be are
this which or were has have had not but been its their his her they he she we will would said
who after than more about also into over can our you your i all one two new""".split())
# Frequent function words of other Latin-script languages that are not English words, by
# language: evidence that a line may not be English, and on a short line which language it is.
_FUNCTION_WORDS = {code: frozenset(words.split()) for code, words in (
    ("fr", "le la les des et est une du dans que qui pour pas sur au aux avec ce cette sont ont été "
           "par plus nous vous ils elle leur mais où très être en un se"),
    ("de", "der das und ist mit von zu dem nicht ein eine einer sich auf für im sind wird werden bei "
           "auch nach wie aus oder wir sie es dass über"),
    ("es", "el los las del y en un por con para se su al lo como más pero sus ya fue este ha también "
           "la que no"),
    ("it", "il di che è per della delle dei degli gli nel nella sono si da alla anche più la no"),
    ("pt", "os um uma do dos das em no na nos nas não ao pela pelo mas são que se"),
    ("nl", "het een van dat te zijn niet voor er maar ook als bij aan dan"),
    ("id", "yang di ini itu untuk dengan dari ke tidak"),
    ("tr", "ve bir bu için ile"))}
_FOREIGN_WORDS = frozenset().union(*_FUNCTION_WORDS.values())
_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜ",
                       "aaaaeeeeiiiioooouuuuvvvvvAAAAEEEEIIIIOOOOUUUUVVVVV")


# --- one line ------------------------------------------------------------------------------------

def analyse(text: str, han: int | None = None, words: list[str] | None = None) -> tuple[str, Counter]:
    """(language, tokens per language) of one line, span or paragraph. The language is a code,
    `mixed` or `und`; a mixed text's tokens are counted span by span (SCHEMA.md `langs`).
    `han`, `words`: the Han characters and the Latin words (script.LATIN_WORD_RE) of `text`, when
    the caller has counted and found them."""
    plain = without_urls(text)
    han = count_han(plain) if han is None or plain is not text else han
    # script's Latin words are ours on a text without Latin Extended Additional (which we also
    # take), and the one scan that tells finds any other script too
    common = words is not None and plain is text and (text.isascii() or _UNCOMMON_RE.search(text) is None)
    text = plain
    if _is_mixed(text, han, bool(words) if common else None):
        counts: Counter = Counter()
        for span in split_spans(text):
            counts.update(_tokens(span.text))
        return MIXED, counts
    counts = _tokens(text, han, words, False) if common else _tokens(text, han)
    return (max(counts, key=counts.get) if counts else UNDETERMINED), counts  # most_common's first


def line_lang(text: str) -> str:
    return analyse(text)[0]


def shares(counts: Counter) -> dict[str, float]:
    """Each language's share of the tokens, largest first, rounded to 3 places."""
    total = sum(counts.values())
    return {code: round(n / total, 3) for code, n in counts.most_common()} if total else {}


def _is_mixed(text: str, han: int, letters: bool | None = None) -> bool:
    """`han`: the Han characters of `text`; `letters`: whether it holds a Latin letter, if known."""
    return (han >= settings.MIXED_MIN_HAN
            and (_LETTER_RE.search(text) is not None if letters is None else letters)
            and _TWO_WORDS_RE.search(text) is not None)


def _tokens(text: str, han: int | None = None, words: list[str] | None = None, rare: bool = True) -> Counter:
    """Tokens per language of a text that is not mixed (URLs and e-mails already removed);
    `han`, `words`: its Han characters and Latin words when already counted and found; `rare`:
    False when the text is known to hold no script but Han and Latin."""
    # (an empty Counter made by __new__: Counter() runs its __init__ and update in Python, four
    # times the cost, for every paragraph and line)
    counts: Counter = Counter.__new__(Counter)
    if words is None:
        words = _WORD_RE.findall(text) if _LETTER_RE.search(text) else []
    if text.isascii():  # the fast path: most English lines
        if words:
            counts[_latin_lang(tuple(words))] = len(words)
        return counts
    han = count_han(text) if han is None else han
    counts["zh"] = han  # first: Han wins a tie
    if rare and _RARE_RE.search(text):
        kana = len(_KANA_RE.findall(text))
        if kana and (kana >= settings.JA_MIN_KANA_SHARE * (han + kana) or _han_res()["Jpan"].search(text)):
            counts["ja"], counts["zh"] = han + kana, 0
        counts["ko"] = len(_HANGUL_RE.findall(text))
        cyrillic = _CYRILLIC_RE.findall(text)
        if cyrillic:
            counts[_cyrillic_lang(tuple(cyrillic))] += len(cyrillic)
        for pattern, code in _OTHER_RES:
            counts[code] += len(pattern.findall(text))
    if words and not _mojibake(words):
        counts[_latin_lang(tuple(words))] += len(words)
    for code in [code for code, n in counts.items() if n <= 0]:
        del counts[code]  # what `+counts` does, without making a second Counter
    return counts


def _mojibake(words: list[str]) -> bool:
    """Latin-1 letters where UTF-8 or GBK bytes were read as Latin-1 ("æ–°é—»", "ÐÂÎÅ")."""
    letters = "".join(words)
    if letters.isascii():  # no Latin-1 letter at all (the share is then 0)
        return not letters
    return len(_LATIN1_RE.findall(letters)) >= settings.MOJIBAKE_MIN_SHARE * len(letters)


@lru_cache(maxsize=8192)
def _latin_lang(words: tuple[str, ...]) -> str:
    """`en` unless the words show another language and there are enough of them to judge;
    pinyin (romanised Chinese) is `zh`."""
    lower = list(map(str.lower, words))
    english = sum(map(_EN_WORDS.__contains__, lower))
    if english <= 1 and _pinyin(lower):
        return "zh"
    foreign = sum(map(_FOREIGN_WORDS.__contains__, lower))
    if english > foreign and english >= settings.ENGLISH_STOPWORD_SHARE * len(words):
        return "en"
    accented = sum(_ACCENTED_RE.search(w) is not None for w in words)
    if (foreign < settings.FOREIGN_MIN_STOPWORDS and not (accented and foreign > english)
            and accented < settings.ACCENTED_MIN_SHARE * len(words)) or len(words) < settings.LANGDETECT_MIN_WORDS:
        # names, menus, headlines: nothing says another language, or too little for langdetect
        return _by_function_words(lower, english, accented)
    return _langdetect(" ".join(words)) or "en"


def _by_function_words(lower: list[str], english: int, accented: int) -> str:
    """A line too short for langdetect, or with little evidence: the language whose function
    words it holds, when one language has more of them than any other and than English, two
    different ones at least (or one beside an accented word) and a third of the words, of three
    different words at least ("Wir sitzen alle im Marketing"); else `en` ("El Al airline", "No
    Money No Worries")."""
    words = set(lower)
    if len(words) < settings.FUNCTION_WORDS_MIN_WORDS:  # "DI DA DI", a song's name
        return "en"
    hits = sorted(((len(words & function), code) for code, function in _FUNCTION_WORDS.items()), reverse=True)
    (best, code), (second, _) = hits[0], hits[1]
    if (best > second and best > english and (best >= 2 or accented)
            and best >= settings.FUNCTION_WORDS_MIN_SHARE * len(lower)):
        return code
    return "en"


@lru_cache(maxsize=1)
@set_up
def _pinyin_re() -> re.Pattern:
    from importlib import resources
    text = resources.files("mch_cli").joinpath("data/pinyin.txt").read_text(encoding="utf-8")
    syllables = sorted({s for line in text.splitlines() if not line.startswith("#") for s in line.split()},
                       key=len, reverse=True)
    return re.compile("(?:" + "|".join(syllables) + ")+")


def _pinyin(lower: list[str]) -> bool:
    """Romanised Chinese: two different words or more, every one made of pinyin syllables (tone
    marks or not; Xi'an), and enough of them that English words cannot be so by chance (4
    syllables; 2 with a tone mark)."""
    plain = [w.translate(_TONES) for w in lower]
    if len(set(plain)) < 2 or not all(w.isascii() for w in plain):  # "Polo POLO", a car
        return False
    syllable = _pinyin_re()
    parts = [part for w in plain for part in re.split("['’-]+", w) if part]
    if not all(syllable.fullmatch(part) for part in parts):
        return False
    if any(_TONE_MARK_RE.search(w) for w in lower):  # ā ǎ …; é and è are French as well
        return sum(map(_syllables, parts)) >= 2
    # without them, many English words are pinyin syllables too (o-pen, gui-de, ma-ke): half the
    # words, two at least, must also show what English spelling seldom has (zh, x, q, uo, ao, ou,
    # ian, uan, iu)
    marked = sum(_PINYIN_MARK_RE.search(part) is not None for part in set(parts))
    return (sum(map(_syllables, parts)) >= settings.PINYIN_MIN_SYLLABLES and marked >= 2
            and marked >= settings.PINYIN_MARKED_SHARE * len(set(parts)))


_PINYIN_MARK_RE = re.compile("zh|x|q|uo|ao|ou|ian|uan|iu|v")
_TONE_MARK_RE = re.compile("[āǎēěīǐōǒūǔǖǘǚǜ]")


def _syllables(word: str) -> int:
    """Syllables of a pinyin word: its vowel groups (a new one after each consonant)."""
    return len(re.findall("[aeiouv]+", word))


@lru_cache(maxsize=1024)
def _cyrillic_lang(words: tuple[str, ...]) -> str:
    if len(words) < settings.LANGDETECT_MIN_WORDS:
        return "ru"
    code = _langdetect(" ".join(words))
    return code if code in settings.CYRILLIC_LANGS else "ru"


@lru_cache(maxsize=4096)
def _langdetect(text: str) -> str | None:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException
    DetectorFactory.seed = 0  # deterministic answers
    _langdetect_profiles()
    try:
        code = detect(text)
    except LangDetectException:
        return None
    return code.split("-")[0]


@lru_cache(maxsize=1)
@set_up
def _langdetect_profiles() -> None:
    """langdetect, its language profiles loaded (what its first detect() does, 0.2 s or more)."""
    imported("langdetect.detector_factory").init_factory()


# --- spans of a mixed line ------------------------------------------------------------------------

def split_spans(text: str) -> list[Span]:
    """A mixed text cut into stretches of one language, in order; each span's text is a piece of
    `text`. Every run of 2 or more consecutive Latin words is a span of its own; the text between
    them is labelled by itself; pieces without letters join the span before them."""
    cuts: list[tuple[int, int]] = []  # (start, end) of each Latin-script span
    for run in _NON_CJK_RE.finditer(text):
        if not _TWO_WORDS_RE.search(run.group()):
            continue
        head = _SPAN_HEAD_RE.search(run.group())
        tail = _SPAN_TAIL_RE.search(run.group())
        cuts.append((run.start() + head.start(), run.start() + (tail.start() if tail else len(run.group()))))
    pieces, at = [], 0
    for start, end in cuts:
        pieces += [(at, start), (start, end)]
        at = end
    pieces.append((at, len(text)))

    spans: list[list] = []  # [lang, start, end]
    for start, end in pieces:
        if not text[start:end].strip():
            continue
        counts = _tokens(without_urls(text[start:end]))
        code = counts.most_common(1)[0][0] if counts else UNDETERMINED
        if spans and (code == UNDETERMINED or code == spans[-1][0]):
            spans[-1][2] = end
        elif spans and spans[-1][0] == UNDETERMINED:
            spans[-1][0], spans[-1][2] = code, end
        else:
            spans.append([code, start, end])
    return [Span(code, text[start:end].strip()) for code, start, end in spans]


# --- documents ------------------------------------------------------------------------------------

def document_lang(counts: Counter) -> tuple[str, dict[str, float]]:
    """(`lang`, `langs`) from the body's tokens per language."""
    total = sum(counts.values())
    if not total:
        return UNDETERMINED, {}
    ranked = counts.most_common(2)
    if len(ranked) == 2 and ranked[1][1] / total >= settings.LANG_MIXED_DOC_SHARE:
        return MIXED, shares(counts)
    return ranked[0][0], shares(counts)


@lru_cache(maxsize=1)
@set_up
def _han_res() -> dict[str, re.Pattern]:
    """Script code → a pattern of the Han characters used in that script only."""
    variants = han_variants()
    return {code: re.compile(f"[{chars}]")
            for code, chars in (("Hans", variants.hans), ("Hant", variants.hant), ("Jpan", variants.jpan))}


def chinese_script(text: str) -> str | None:
    """`Hans` (Simplified) or `Hant` (Traditional) for Chinese text, None without Han characters.
    Characters used in one script only are counted; with none of them, `Hans`."""
    if not HAN_RE.search(text):
        return None
    res = _han_res()
    if res["Hant"].search(text) is None:
        return "Hans"  # (no Traditional-only character: no need to count the Simplified ones)
    return "Hant" if len(res["Hant"].findall(text)) > len(res["Hans"].findall(text)) else "Hans"


# --- mch detect -----------------------------------------------------------------------------------

def detect_lines(text: str) -> Iterator[tuple[str, dict[str, float], str]]:
    """(lang, langs, line) for every line of `text` as read (without its newline, `\\r\\n` too);
    an empty line is `und`. The same number of lines as `wc -l` (plus an unterminated last one)."""
    if not text:
        return
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    for raw in lines:
        line = raw[:-1] if raw.endswith("\r") else raw
        code, counts = analyse(line)
        yield code, shares(counts), line
