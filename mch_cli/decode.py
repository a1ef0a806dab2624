"""Bytes → text. One order for every input, text files and HTML alike:

1. a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without one, by the NUL bytes of its ASCII;
2. strict UTF-8, when the bytes hold non-ASCII and decode as UTF-8 without an error — before
   any declared charset: a page declaring gb2312 or iso-8859-1 whose bytes are valid UTF-8 was
   re-encoded on its way (saved by a browser or a crawler), and GB18030 decodes almost any bytes;
3. the charset an HTML page declares (<meta charset> or http-equiv; GB2312/GBK read as
   GB18030, ISO-8859-1 and ASCII as cp1252 as browsers do; UTF-16 ignored: a declaration that
   can be read as ASCII is no UTF-16; pure ASCII is reported as what it declares), when its
   unlikely characters (below) are at most `settings.DECLARED_ERROR_BUDGET` of the page's
   *text*, markup, scripts and style sheets left out — a big style sheet must not make a
   handful of errors in the text look small;
4. UTF-8 with a few stray bytes: at most `settings.UTF8_ERROR_BUDGET` of the bytes, and no more
   than the characters that do decode as UTF-8 beyond ASCII (one stray byte must not make a
   page Cyrillic; curly quotes of cp1252 alone are no UTF-8);
5. all-Chinese UTF-16 without a BOM (no NUL bytes), when it decodes to ordinary characters;
6. of UTF-8 with replacement characters, the Chinese encoding (charset-normalizer on a
   bounded head, restricted to GB18030, Big5 and UTF-16 and checked on the whole text; else
   GB18030 or Big5, whichever decodes strictly into ordinary characters; else GB18030) and
   the single-byte Western encoding (cp1252, or Latin-1 when no byte is in 0x80–0x9F), the
   one whose reading holds the fewest unlikely characters in `settings.DECODE_COMPARE_BYTES`
   from the first non-ASCII byte (a head may be all ASCII markup); a tie goes to the first.

Unlikely characters are what a wrong reading makes and real pages (almost) never hold:
U+FFFD, C0 control characters, private use; a lone CJK character glued to a Latin
word (single-byte text read as GB18030 or Big5: "it’s" → "it抯"); three or more Latin-1
letters and symbols in a row (Chinese read as single bytes: "妇幼" → "¸¾Ó×"); and the Latin-1
letters no Western news writes whose bytes are typical stray bytes (ÿ þ).

`encoding` reports the codec used: utf-8, utf-16, utf-32, gb18030, big5, cp1252, iso8859-1
(Python's names; a declared charset outside these by its Python name).

Then mojibake is repaired: UTF-8 that was read as Latin-1/cp1252 (ftfy's `fix_encoding`, only
when ftfy's badness check flags the text — `fix_text` would also rewrite Chinese quotes),
GBK/Big5 text that was read as Latin-1 — up to three readings deep, Latin-1 or cp1252, each
undone exactly or not at all (`settings.MOJIBAKE_MAX_LAYERS`) — and, always, C1 controls
(U+0080–U+009F, which no page is made of): a run of them that is UTF-8 read as Latin-1 is
decoded back, any other is read as cp1252's punctuation ("\\x92" → "’"). `repaired` is said
only of a text that changed and is clean after (ftfy's badness check).

Binary data is refused after decoding has been tried (UTF-16 is full of NUL bytes and is text):
decoded text of which control characters (NUL …) make up more than
`settings.BINARY_MAX_CONTROL_SHARE` is binary; text below that share loses its control
characters (a stray NUL is no part of a page). A page whose text is mostly undecodable bytes
is refused by the pipeline (`refuse_undecodable`).
"""
from __future__ import annotations

import codecs
import contextlib
import functools
import re
import signal
import threading
from collections.abc import Callable, Iterator
from typing import NamedTuple

from . import settings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# What charset-normalizer may answer, and the name we report for it.
_CANDIDATES = {"gb18030": "gb18030", "big5": "big5", "utf_16": "utf-16"}
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")  # counted by runs: far fewer matches on Chinese
_LATIN1_HIGH = re.compile(r"[\u00a0-\u00ff]")


class DecodeError(ValueError):
    """The bytes cannot be taken as a page: not text in any encoding we accept."""


class LimitError(DecodeError):
    """The input is over a per-document limit (`Options.max_bytes`, `Options.max_seconds`).
    A DecodeError, so that whatever refuses bad bytes refuses it the same way."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """LimitError in the block once `seconds` of wall-clock time have passed. A SIGALRM timer:
    only in a process's main thread on POSIX (the CLI, its worker processes); elsewhere, as in
    a thread of a library user, no limit. Signals reach Python between bytecodes and inside
    regular-expression matching, so a slow page is stopped wherever it is."""
    if (not seconds or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def expired(signum, frame):
        raise LimitError(f"gave up after {seconds:g} s (--max-seconds)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    _timing.append(seconds)
    try:
        yield
    finally:
        _timing.pop()
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


_timing: list[float] = []  # the time_limit blocks running in the main thread


@contextlib.contextmanager
def untimed() -> Iterator[None]:
    """One-time set-up inside a time_limit block (a library's first import, a table built on
    first use): the timer stops while it runs. A limit is for a page that is slow to clean; the
    first page of a process would otherwise pay for what every page then uses (0.2-1 s: the
    pattern matcher, ftfy, lxml, langdetect's profiles, jieba's dictionary)."""
    if not _timing or threading.current_thread() is not threading.main_thread():
        yield
        return
    left = signal.setitimer(signal.ITIMER_REAL, 0)[0]  # (0 inside another untimed block)
    try:
        yield
    finally:
        if left:
            signal.setitimer(signal.ITIMER_REAL, left)


def set_up(func: Callable) -> Callable:
    """`func` run untimed (see untimed): for a loader whose result its caller keeps (under an
    lru_cache), so that only its first call is set-up."""
    @functools.wraps(func)
    def untimed_call(*args, **kwargs):
        with untimed():
            return func(*args, **kwargs)
    return untimed_call


@functools.lru_cache(maxsize=None)
@set_up
def imported(name: str):
    """importlib.import_module(name), its first import untimed: the heavy libraries a page may
    need (ftfy, charset-normalizer, lxml, langdetect, jieba) load where first used."""
    import importlib
    return importlib.import_module(name)


def refuse_too_large(data: bytes, max_bytes: int | None) -> None:
    """LimitError when `data` is over `max_bytes` (None: no limit)."""
    if max_bytes is not None and len(data) > max_bytes:
        raise LimitError(too_large(max_bytes, len(data)))


def too_large(limit: int, size: int | None = None) -> str:
    """The reason given for an input over `limit` bytes (`size` when known)."""
    if size is None:
        return f"too large: more than {limit:,} bytes (--max-bytes)"
    return f"too large: {size:,} bytes, the limit is {limit:,} (--max-bytes)"


class Decoded(NamedTuple):
    text: str
    encoding: str        # as reported in the output: utf-8, gb18030, big5, utf-16, …
    repaired: bool       # mojibake repair changed the text


def decode_text(data: bytes) -> Decoded:
    """The text of a page: decoded by the policy above, then repaired."""
    text, encoding = decode(data)
    fixed = repair(text)
    return Decoded(fixed, encoding, repaired(text, fixed))


def utf8_pieces(data: bytes, size: int) -> tuple[Iterator[str], bool] | None:
    """decode_text(data)'s (text, repaired) with the text in pieces of about `size` bytes, each
    cut after a line feed, when the bytes are UTF-8 that only C1 controls need repairing in (no
    BOM, no NUL in the head, no control byte, no mojibake: the usual big page); else None. A
    big page is so read without a whole copy of it, which is four bytes a character when one
    line holds an emoji. Checked in a first pass, decoded again in the second (one decode more)."""
    if data.startswith(tuple(bom for bom, _ in _BOMS)) or b"\x00" in data[: settings.DECODE_SNIFF_BYTES]:
        return None
    head, fixed_head, changed = "", "", False
    for start, end in _pieces(data, size):
        piece = data[start:end]
        if _has_control_bytes(piece):
            return None
        try:
            text = piece.decode("utf-8")
        except UnicodeDecodeError:
            return None
        fixed = _repair_c1(text)  # (a run of Latin-1 characters is never cut: it holds no line feed)
        changed = changed or fixed != text
        if len(head) < settings.DECODE_SNIFF_BYTES:
            head += text[: settings.DECODE_SNIFF_BYTES - len(head)]
        if len(fixed_head) < settings.DECODE_SNIFF_BYTES:
            fixed_head += fixed[: settings.DECODE_SNIFF_BYTES - len(fixed_head)]
    if not _no_soup(head):
        return None  # (repair() looks at the head alone to tell whether to try more)
    pieces = (_repair_c1(data[start:end].decode("utf-8")) for start, end in _pieces(data, size))
    return pieces, changed and _clean(fixed_head)


def _pieces(data: bytes, size: int) -> Iterator[tuple[int, int]]:
    """(start, end) of pieces of `data` of at least `size` bytes, each but the last ending in a
    line feed (a piece's lines are then the text's: "\\r\\n" is never cut, nor a character)."""
    start = 0
    while start < len(data):
        end = data.find(b"\n", start + size - 1) + 1 or len(data)
        yield start, end
        start = end


def decode(data: bytes, declared: str | None = None,
           text_of: Callable[[str], str] = lambda page: page, *, binary_ok: bool = False) -> tuple[str, str]:
    """(text, encoding) by the policy above, without mojibake repair: the lines as read.
    `declared`: the charset an HTML page declares; `text_of` cuts a page so decoded down to its
    text, over which the declaration's errors are counted. Raises DecodeError for binary data,
    unless `binary_ok`: then the control characters stay, for a caller that judges each record
    of a stream apart (refuse_binary)."""
    text, encoding = _decode(data, declared, text_of)
    if binary_ok or encoding == "utf-8" and not _has_control_bytes(data):
        return text, encoding  # UTF-8 decodes every byte below 0x80 to itself, and only those
    return refuse_binary(text), encoding


def _decode(data: bytes, declared: str | None, text_of: Callable[[str], str]) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            name = "utf-8" if codec == "utf-8-sig" else codec
            return data.decode(codec, errors="replace"), name
    if b"\x00" in data[: settings.DECODE_SNIFF_BYTES]:  # UTF-16 without a BOM, or NULs in
        text = _utf16_without_bom(data)                # 8-bit text, or binary: judged after
        if text is not None:
            return text, "utf-16"
    try:
        strict = data.decode("utf-8")
    except UnicodeDecodeError:
        strict = None
    if strict is not None and not (declared and data.isascii()):
        return strict, "utf-8"  # ASCII reads the same in what it declares: that is reported
    if declared:
        found = decode_declared(data, declared, text_of)
        if found:
            return found
        if strict is not None:
            return strict, "utf-8"
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= settings.UTF8_ERROR_BUDGET * len(data) and bad <= _non_ascii(text) - bad:
        return text, "utf-8"  # a few stray bytes in a page that is UTF-8 beyond its ASCII
    if len(data) % 2 == 0 and _high_byte_share(data) >= settings.UTF16_MIN_HIGH_BYTES:
        text16 = _utf16_without_bom(data)  # all-Chinese UTF-16 has no NUL bytes to give it away
        if text16 is not None:
            return text16, "utf-16"
    window = _non_ascii_window(data)
    readings = [("utf-8", "utf-8"), _chinese(data), _western(data)]
    best = None
    for codec, name in readings:  # a tie goes to the first
        unlikely = _unlikely(window.decode(codec, errors="replace"))
        if best is None or unlikely < best[0]:
            best = unlikely, codec, name
        if unlikely == 0:
            break  # nothing after it can do better
    _, codec, name = best
    return data.decode(codec, errors="replace"), name


_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _non_ascii_window(data: bytes) -> bytes:
    """`settings.DECODE_COMPARE_BYTES` from the line of the first byte over 0x7F, cut at line ends
    (inside no character of any encoding here): the bytes that tell the encodings apart, where
    a head may be all ASCII markup."""
    first = _HIGH_BYTE.search(data)
    start = data.rfind(b"\n", 0, first.start()) + 1 if first else 0
    end = start + settings.DECODE_COMPARE_BYTES
    if end < len(data):
        end = data.rfind(b"\n", start, end) + 1 or end
    return data[start:end]


def _chinese(data: bytes) -> tuple[str, str]:
    """(codec, name) of the Chinese encoding the bytes are most likely in."""
    detected = _detect(data)
    if detected:
        return detected
    # Big5 bytes decode as GB18030 too (into rare characters, kana, private use): of the
    # encodings that decode the bytes strictly, the one that gives ordinary characters.
    strict = []
    for codec, name in (("gb18030", "gb18030"), ("big5hkscs", "big5")):
        try:
            decoded = data.decode(codec)
        except UnicodeDecodeError:
            continue
        strict.append((_plausible_share(decoded[: settings.DECODE_SNIFF_BYTES]), codec, name))
    if strict:
        _, codec, name = max(strict, key=lambda c: c[0])  # a tie: GB18030, the first
        return codec, name
    return "gb18030", "gb18030"


_C1_BYTES = bytes(range(0x80, 0xA0))


def _western(data: bytes) -> tuple[str, str]:
    """(codec, name) of single-byte Western text: cp1252 when a byte is in 0x80–0x9F (its
    quotes and dashes; Latin-1 has only C1 controls there), else Latin-1 (then the same)."""
    if len(data.translate(None, _C1_BYTES)) != len(data):
        return "cp1252", "cp1252"
    return "latin-1", "iso8859-1"


_CONTROL_OR_PRIVATE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ue000-\uf8ff]")  # not C1: only UTF-8
# has them, as the bytes C2 80–C2 9F of cp1252 text gone through Latin-1, which repair() undoes
_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
_ANY_CJK = re.compile(f"[{_CJK}]")
# A lone CJK character glued to a Latin letter, counted per side (two patterns that each start
# with a character class are scanned far faster than one alternation that starts with a lookbehind)
_GLUED_AFTER = re.compile(f"[A-Za-z][{_CJK}](?![{_CJK}])")
_GLUED_BEFORE = re.compile(f"[{_CJK}](?<![{_CJK}]{{2}})[A-Za-z]")
_SOUP = re.compile("[\u00a1-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192]{3,}")


def _unlikely(text: str) -> int:
    """How many characters of `text` a wrong reading of bytes makes (the module docstring):
    undecodable, controls, private use; a lone CJK character in a Latin word; Latin-1 soup;
    þ and ÿ, the letters of bytes 0xFE and 0xFF, stray bytes' favourites."""
    n = text.count("\ufffd") + text.count("\u00fe") + text.count("\u00ff")
    n += len(_CONTROL_OR_PRIVATE.findall(text)) + sum(map(len, _SOUP.findall(text)))
    if _ANY_CJK.search(text):  # the slow scan only where it can find something
        n += len(_GLUED_AFTER.findall(text)) + len(_GLUED_BEFORE.findall(text))
    return n


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", errors="ignore"))


# Control characters no page is made of: C0 but tab and line ends (\n \v \f \r), and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]+")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f])


def _has_control_bytes(data: bytes) -> bool:
    """Bytes of _CONTROL in `data` (bytes.translate deletes them far faster than a regex scans)."""
    return len(data.translate(None, _CONTROL_BYTES)) != len(data)


def refuse_binary(text: str) -> str:
    """The text without its control characters; DecodeError when they are more than a small
    share of it: binary data (NUL-laden bytes that are no UTF-16 either)."""
    clean = _CONTROL.sub("", text)
    if len(text) - len(clean) > settings.BINARY_MAX_CONTROL_SHARE * len(text):
        raise DecodeError("binary data, not text")
    return clean


def refuse_undecodable(data: bytes, text: str, encoding: str) -> None:
    """DecodeError when more than a small share of a page's text is bytes that decoding had to
    replace (U+FFFD): bytes in no encoding we read, which cleaning would only turn into garbage.
    U+FFFD characters that the bytes really hold (mch's own output of such a page) are text."""
    bad = text.count("\ufffd")
    if bad <= settings.UNDECODABLE_MAX_SHARE * len(text):
        return
    try:
        data.decode({"big5": "big5hkscs"}.get(encoding, encoding))
        return  # decodes strictly: the replacement characters are in the text itself
    except (UnicodeDecodeError, LookupError):
        pass
    raise DecodeError(f"not text: {bad / len(text):.0%} of it undecodable as {encoding}")


_DECLARED = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
             "big5": "big5hkscs", "utf8": "utf-8"}


def decode_declared(data: bytes, declared: str,
                    text_of: Callable[[str], str] = lambda page: page) -> tuple[str, str] | None:
    """Bytes in the charset a page declares (HTML <meta charset>), when they really are: unlikely
    characters at most `settings.DECLARED_ERROR_BUDGET` of the text (`text_of`: the page
    without its markup). None when the declaration is unknown or wrong."""
    codec = _DECLARED.get(declared.lower(), declared.lower())
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None  # found by reading the bytes as ASCII: they are not UTF-16
    if name in ("iso8859-1", "ascii"):
        codec, name = _western(data)  # as browsers do: 0x80–0x9F are cp1252's quotes
    text = data.decode(codec, errors="replace")
    visible = "".join(text_of(text).split())
    if _unlikely(visible) > settings.DECLARED_ERROR_BUDGET * max(1, len(visible)):
        return None
    return text, {"big5hkscs": "big5"}.get(codec, name.replace("_", "-"))


def _detect(data: bytes) -> tuple[str, str] | None:
    """(codec, name) by charset-normalizer on a bounded head, among the plausible encodings
    only, when the whole text decodes so."""
    from_bytes = imported("charset_normalizer").from_bytes
    best = from_bytes(data[: settings.DECODE_SNIFF_BYTES],
                      cp_isolation=list(_CANDIDATES), preemptive_behaviour=False).best()
    if best is None or best.encoding not in _CANDIDATES:
        return None
    codec = "big5hkscs" if best.encoding == "big5" else best.encoding
    text = data.decode(codec, errors="replace")
    if text.count("\ufffd") > settings.DECLARED_ERROR_BUDGET * max(1, len(text)):
        return None
    return codec, _CANDIDATES[best.encoding]


_LATIN1_HIGH_BYTES = bytes(range(0xA0, 0x100))


def _latin1_count(text: str, chars: bytes) -> int:
    """How many of `text`'s characters are among `chars` (Latin-1 bytes), by two byte operations
    in C rather than a regex scan: the text as Latin-1 writes it, less all but those."""
    latin1 = text.encode("latin-1", errors="ignore")
    return len(latin1) - len(latin1.translate(None, chars))


def _latin1_high(text: str) -> int:
    """len(_LATIN1_HIGH.findall(text)): the characters U+00A0 to U+00FF."""
    return _latin1_count(text, _LATIN1_HIGH_BYTES)


def repaired(text: str, fixed: str) -> bool:
    """Whether repair(text) -> fixed is said to be a repair: it changed the text and left no
    mojibake (ftfy's badness check) — a page four readings deep changes but is no cleaner."""
    return fixed != text and _clean(fixed)


def _clean(fixed: str) -> bool:
    return not _is_bad(fixed[: settings.DECODE_SNIFF_BYTES])


def _is_bad(text: str) -> bool:
    """ftfy's badness check (mojibake in `text`), spared where it cannot find any: its regex
    takes 10 ms on 64 KB of English with a few no-break spaces, and every one of its matches
    holds two non-ASCII characters side by side or one of a few (_badness_gate)."""
    badness = imported("ftfy.badness")
    gate = _badness_gate()
    if gate is None:
        return badness.is_bad(text)
    if not _non_ascii_pair(text) and not any(c in text for c in gate):
        return False
    # Else only around each such pair or character: a match holds one, and is at most `width`
    # long (a search from `pos` matches no ^ there, and the regex has no look-around or $).
    regex, width, triggers = badness.BADNESS_RE, _badness_width(), _badness_triggers(gate)
    starts = [m.start() for m in triggers.finditer(text)]
    if len(starts) > settings.BADNESS_MAX_WINDOWS or width > settings.BADNESS_MAX_WIDTH:
        return regex.search(text) is not None  # (text full of them: one pass)
    return any(regex.search(text, max(0, at - width + 1), at + width + 1) for at in starts)


@functools.lru_cache(maxsize=1)
@set_up
def _badness_width() -> int:
    """The longest match of ftfy's badness regex."""
    from re import _parser

    regex = imported("ftfy.badness").BADNESS_RE
    return _parser.parse(regex.pattern, regex.flags).getwidth()[1]


@functools.lru_cache(maxsize=1)
@set_up
def _badness_triggers(gate: frozenset[str]) -> re.Pattern:
    """Where a match of ftfy's badness regex may be: two non-ASCII characters side by side, or
    one of the gate's."""
    return re.compile("[^\\x00-\\x7f](?=[^\\x00-\\x7f])|[" + "".join(map(re.escape, sorted(gate))) + "]")


def _non_ascii_pair(text: str) -> bool:
    """Two non-ASCII characters side by side in `text`: in its UTF-8 bytes, a continuation
    byte (the end of one) right before a lead byte (the start of the next), found in C."""
    return not text.isascii() and b"cl" in text.encode("utf-8", "surrogatepass").translate(_UTF8_BYTE_KINDS)


# each byte of UTF-8 as "a" (ASCII), "c" (a continuation byte) or "l" (a lead byte)
_UTF8_BYTE_KINDS = bytes(b"a"[0] if b < 0x80 else b"c"[0] if b < 0xC0 else b"l"[0] for b in range(256))


@functools.lru_cache(maxsize=1)
@set_up
def _badness_gate() -> frozenset[str] | None:
    """The characters of which every match of ftfy's badness regex holds one, where it holds
    no two non-ASCII characters side by side ("Ã " in "[a-z]\\s?[ÃÂ][ ]"), read off the
    installed ftfy's regex; None (no gate: ftfy decides every time) when a branch of it is
    neither, or the regex is not one this reading knows."""
    try:
        from re import _constants as c, _parser

        regex = imported("ftfy.badness").BADNESS_RE
        if regex.flags & re.IGNORECASE:
            return None
        tree = _parser.parse(regex.pattern, regex.flags)
        branches = tree.data[0][1][1] if len(tree.data) == 1 and tree.data[0][0] is c.BRANCH else [tree.data]
        gate: set[str] = set()
        for branch in branches:
            items = [_chars_of(c, op, av) for op, av in branch]
            non_ascii = [chars is not None and all(ord(ch) > 0x7F for ch in chars) for chars in items]
            if any(a and b for a, b in zip(non_ascii, non_ascii[1:])):
                continue  # its every match holds a pair
            singles = [chars for chars, only in zip(items, non_ascii) if only]
            if not singles:
                return None
            gate |= min(singles, key=len)
        return frozenset(gate)
    except Exception:  # noqa: BLE001 — another ftfy's regex: no gate, the same answers
        return None


def _chars_of(c, op, av) -> set[str] | None:
    """The characters one parsed item of a regex matches, when it matches exactly one of a
    set (a literal, a class); None for anything else."""
    if op is c.LITERAL:
        return {chr(av)}
    if op is not c.IN or any(o not in (c.LITERAL, c.RANGE) for o, _ in av):
        return None  # (a negated class, a category such as \\s)
    chars: set[str] = set()
    for o, v in av:
        if o is c.LITERAL:
            chars.add(chr(v))
        elif v[1] - v[0] > 0x3000:
            return None  # (a range too wide to list)
        else:
            chars.update(map(chr, range(v[0], v[1] + 1)))
    return chars


def repair(text: str) -> str:
    """Undo mojibake: UTF-8, GBK or Big5 bytes that were decoded as Latin-1 (or cp1252); then
    C1 controls, which no page is made of, as cp1252 (the module docstring)."""
    return _repair_c1(_repair_mojibake(text))


def _repair_c1(fixed: str) -> str:
    if fixed.isascii() or not _has_c1(fixed):  # isascii() is a flag: no scan
        return fixed
    return _LATIN1_RUN.sub(_c1_as_cp1252, fixed)


_C1 = re.compile("[\x80-\x9f]")


def _has_c1(text: str) -> bool:
    """_C1.search(text): a C1 control among the text's characters."""
    return _latin1_count(text, _C1_BYTES) > 0
_LATIN1_RUN = re.compile("[\x80-\xff]+")


def _c1_as_cp1252(run: re.Match) -> str:
    """A run of Latin-1 characters holding C1 controls: UTF-8 read as Latin-1 ("â\\x80\\x99"
    → "’") when it decodes so, else cp1252 read as Latin-1 ("\\x92" → "’"; the five bytes
    cp1252 lacks are dropped, as stray controls are)."""
    if not _C1.search(run.group()):
        return run.group()
    raw = run.group().encode("latin-1")
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        fixed = None
    return fixed if fixed and not _C1.search(fixed) else raw.decode("cp1252", errors="ignore")


def _no_soup(sample: str) -> bool:
    """No Latin-1 soup in a text's head, or real Chinese outweighs it: nothing to repair. A few
    letters are soup enough when they are UTF-8's punctuation read as cp1252 ("â€™", "â€œ"): no
    text writes them so."""
    if "â€" in sample:
        return False
    high = _latin1_high(sample)
    return high < settings.MOJIBAKE_MIN_CHARS or _han_outweighs(sample, high)


def _repair_mojibake(text: str) -> str:
    sample = text[: settings.DECODE_SNIFF_BYTES]
    if _no_soup(sample):
        return text
    fixed = _undo_layers(text, settings.MOJIBAKE_MAX_LAYERS)
    if fixed is not None:
        return fixed
    if _is_bad(sample):  # cp1252 and mixed cases
        fixed = imported("ftfy").fix_encoding(text)
        if not _is_bad(fixed[: settings.DECODE_SNIFF_BYTES]):
            return fixed  # only a clean result: `repaired` must not be said of mojibake
    return text


def _han_outweighs(text: str, high: int) -> bool:
    """More Han characters in `text` than `high`: counted run by run, up to the run that makes
    them more (a Chinese page with a few Latin-1 signs is not counted whole)."""
    n = 0
    for run in _HAN_RUN.finditer(text):
        n += run.end() - run.start()
        if n > high:
            return True
    return False


def _undo_layers(text: str, layers: int) -> str | None:
    """Chinese text whose bytes were read as Latin-1 or cp1252 up to `layers` times (each
    reading saved as UTF-8 and read again), undone exactly, or None. A layer undone that is
    Latin soup again is UTF-8 read once more, never GB18030: that reading of UTF-8 bytes is
    Chinese-looking garbage ("猫驴聰氓…"), which was taken for a repair."""
    try:  # (cp1252's punctuation for bytes 0x80-0x9F: those bytes)
        raw = text.encode("latin-1", errors=_CP1252_PUNCTUATION)
    except UnicodeEncodeError:
        return None
    found = None  # (what the text holds that a wrong reading makes: counted once a reading decodes)
    for codec in ("utf-8", "gb18030", "big5hkscs"):  # strict: mojibake undone exactly, or not
        try:
            fixed = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = fixed[: settings.DECODE_SNIFF_BYTES]
        # and a repair leaves less that a wrong reading makes than it found: English with
        # no-break spaces and curly quotes also reads as GB18030 ("CQHCWC,爃eld")
        if _mostly_chinese_or_ascii(sample):
            found = _unlikely(text[: settings.DECODE_SNIFF_BYTES]) if found is None else found
            if _unlikely(sample) < found:
                return fixed
        if codec == "utf-8":  # bytes this long are UTF-8 by design, never GB18030 by chance
            return _undo_layers(fixed, layers - 1) if layers > 1 else None
    return None


def _cp1252_punctuation(error: UnicodeEncodeError) -> tuple[bytes, int]:
    """Latin-1's encoding error handler for a run of characters it lacks: cp1252's characters
    for bytes 0x80-0x9F ("’", "—") back to those bytes, anything else an error. (A handler is
    called once a run, where translating the whole text to Latin-1 first costs a dictionary
    look-up a character.)"""
    run = error.object[error.start: error.end]
    try:
        return run.encode("cp1252"), error.end  # (beyond Latin-1, cp1252 holds only those)
    except UnicodeEncodeError:
        raise error from None


_CP1252_PUNCTUATION = "mch-cp1252-punctuation"
codecs.register_error(_CP1252_PUNCTUATION, _cp1252_punctuation)


def _mostly_chinese_or_ascii(text: str) -> bool:
    """Re-decoded text that is real: its non-ASCII characters are Han and CJK punctuation."""
    other = [c for c in text if ord(c) > 0x7F]
    cjk = sum(1 for c in other if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")
    return bool(other) and cjk >= 0.9 * len(other)


_ASCII_BYTES = bytes(range(0x80))


def _high_byte_share(data: bytes) -> float:
    """The share of bytes over 0x7F in the head (ASCII read as UTF-16 looks like Han)."""
    head = data[: settings.DECODE_SNIFF_BYTES]
    return len(head.translate(None, _ASCII_BYTES)) / max(1, len(head))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: the byte order that decodes to text (few control
    characters, no unpaired surrogates), or None."""
    head = data[: settings.DECODE_SNIFF_BYTES]
    head = head[: len(head) // 2 * 2]
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            sample = head.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible_share(sample) >= settings.UTF16_MIN_PLAUSIBLE:
            return data.decode(codec, errors="replace")
    return None


_PLAUSIBLE = re.compile(r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _plausible_share(text: str) -> float:
    """The share of characters that pages are made of: ASCII, Latin-1, common CJK, punctuation
    (binary data read as UTF-16 scatters over every block of the BMP)."""
    return len(_PLAUSIBLE.findall(text)) / max(1, len(text))
