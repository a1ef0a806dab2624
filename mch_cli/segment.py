"""Chinese word segmentation: jieba's algorithm and dictionary, plus the MCH dictionary.

The tokens are jieba's (0.42) for the same dictionary. Two engines give them:

- **jieba-rs** (`rjieba`), about 10x faster here, for the default and search modes. Where
  jieba-rs and jieba differ, this module does jieba's part itself: jieba's own regular
  expression splits text it is not sure of into blocks, and Latin runs with `.-+#&_%` are split
  the way jieba's HMM step splits them. Tests compare both engines line by line.
- **jieba** itself for full mode and `--pos` (jieba-rs' full mode and tagger differ from
  jieba's), for user entries with frequency 0 (jieba's "force split"), and when rjieba is not
  installed. Its cache file goes to the user's cache directory, never to a shared /tmp, and its
  logger is silenced.

The dictionary is jieba's `dict.txt` with the MCH dictionary (`data/mch_dict.txt`) and the
user's entries merged in: an entry adds a word or replaces its frequency, as if the lines were
written into `dict.txt` (jieba's `Tokenizer(dictionary=merged_file)`). Loaded once per process.

Traditional Chinese: a text holding characters that exist only in Traditional script is
converted character for character to Simplified (`data/han_variants.tsv`), segmented, and the tokens are
cut from the original text at the same offsets, so the output keeps the original characters.
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, filterfalse
from importlib import resources
from importlib.util import find_spec
from typing import NamedTuple

from .decode import set_up
from .script import han_variants

MODES = ("default", "search", "full")

# jieba 0.42's patterns (jieba/__init__.py, jieba/finalseg/__init__.py)
_JIEBA_HAN = "\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-"
_RE_BLOCK = re.compile(f"([{_JIEBA_HAN}]+)")           # re_han_default
_RE_SKIP = re.compile(r"(\r\n|\s)")                     # re_skip_default
_RE_ENG = re.compile("[a-zA-Z0-9]")                     # re_eng
_RE_HMM_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")  # finalseg's re_skip
_RE_USERDICT = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$")  # re_userdict
_RE_HAN_CHAR = re.compile("[\u4e00-\u9fd5]")
_RE_SPACE = re.compile(r"\s")
# a run of Latin letters, digits and +#&._%- that jieba's HMM step would split (not a plain
# word or number such as 2.9 or 25%)
_RE_LATIN_RUN = re.compile(r"[a-zA-Z0-9+#&._%\-]*[+#&._%\-][a-zA-Z0-9+#&._%\-]*")
_RE_HMM_WHOLE = re.compile(r"[a-zA-Z0-9]+(?:\.\d+)?%?|[+#&._%\-]")
# jieba-rs counts these CJK ideographs (extension A, U+9FD6-9FFF, compatibility ideographs,
# the supplementary planes) as Han, jieba does not: text holding one is split into blocks by
# jieba's own pattern first. Other characters were checked alike (tests/test_segment.py).
_RE_NOT_JIEBA_HAN = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
# `Segmenter.cut_text` cuts lines joined by _JOIN (a private-use character: not whitespace, outside
# jieba's and jieba-rs' Han patterns; a text holding it is cut line by line), in groups by kind:
_PLAIN, _FIX, _TRADITIONAL, _ALONE, _BLANK = range(5)
_JOIN = "\ue000"
_WHITESPACE = ("\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
               "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")  # str.isspace, but \n


@lru_cache(maxsize=2)
def _candidates_re(simplify: bool) -> re.Pattern:
    """A character that may make its line not _PLAIN (`Segmenter._special`): one of .-+#&_%, a
    CJK ideograph outside jieba's range, an astral character or (with `simplify`) a
    Traditional-only one. One class of thousands of BMP characters is a bitmap for `re`, and one
    range of astral ones is one more test: a fast scan. (Astral characters one by one would be a
    list tried in turn, 100 times slower.)"""
    traditional = "".join(sorted(c for c in han_variants().traditional_only if c <= "\uffff")) if simplify else ""
    return re.compile(f"[{traditional}+#&._%\\-\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00010000-\U0010ffff]")


class DictEntry(NamedTuple):
    """One line of a jieba user dictionary: `word [freq] [tag]`."""
    word: str
    freq: int | None = None
    tag: str | None = None


def parse_dict(text: str) -> tuple[DictEntry, ...]:
    """Entries of a dictionary in jieba's user-dictionary format (as `jieba.load_userdict`)."""
    entries = []
    for line in text.lstrip("\ufeff").splitlines():
        line = line.strip()
        if not line:
            continue
        word, freq, tag = _RE_USERDICT.match(line).groups()
        entries.append(DictEntry(word, int(freq) if freq else None, tag.strip() if tag else None))
    return tuple(entries)


def load_dict(path: str) -> tuple[DictEntry, ...]:
    """Read a user dictionary file (UTF-8). Raises OSError, or ValueError when not UTF-8."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        return parse_dict(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError("dictionary must be UTF-8 text") from None


def _data(name: str) -> str:
    return resources.files("mch_cli").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def mch_dict() -> tuple[DictEntry, ...]:
    """The MCH dictionary shipped in `data/mch_dict.txt`."""
    return parse_dict(_data("mch_dict.txt"))


# --- Traditional → Simplified, character for character ---------------------------------------

def simplify(text: str) -> str:
    """Simplified characters for Traditional ones, same length (offsets stay valid). Only a text
    holding a character that exists in Traditional script alone is converted: characters like
    乾 or 於 are also Simplified and stay as they are in a Simplified text."""
    variants = han_variants()
    if text.isascii() or variants.traditional_only.isdisjoint(text):
        return text
    return text.translate(variants.to_simplified)


# --- engines ----------------------------------------------------------------------------------

def cache_dir() -> str | None:
    """The user's cache directory for mch (`$XDG_CACHE_HOME/mch` or `~/.cache/mch`), created
    when needed; None when it cannot be."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "mch")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


def _quiet_jieba():
    import jieba
    jieba.setLogLevel(logging.CRITICAL + 1)  # DEBUG lines on stderr at every dictionary load
    return jieba


class _JiebaEngine:
    """jieba itself (pure Python), with the entries merged into its dictionary."""

    def __init__(self, entries: tuple[DictEntry, ...]):
        jieba = _quiet_jieba()
        tk = jieba.Tokenizer()
        directory = cache_dir()
        if directory:
            tk.tmp_dir = directory  # jieba.cache there instead of the shared temp folder
            tk.initialize()
        else:  # no cache at all
            tk.FREQ, tk.total = tk.gen_pfdict(tk.get_dict_file())
            tk.initialized = True
        for e in entries:
            old = tk.FREQ.get(e.word, 0)
            tk.add_word(e.word, e.freq, e.tag)
            tk.total -= old  # an entry replaces a word's frequency (as in a merged dict.txt)
        self.tk = tk
        self._pos = None

    def cut(self, text: str, hmm: bool) -> list[str]:
        return self.tk.lcut(text, HMM=hmm)

    cut_plain = cut

    def has_word(self, word: str) -> bool:
        return bool(self.tk.FREQ.get(word))

    def tag(self, text: str, hmm: bool) -> list[tuple[str, str]]:
        if self._pos is None:
            import jieba.posseg
            self._pos = jieba.posseg.POSTokenizer(self.tk)
        return [(p.word, p.flag) for p in self._pos.cut(text, HMM=hmm)]

    def cut_all(self, text: str, original: str) -> list[str]:
        """jieba's full mode (`cut(cut_all=True)`) on `text`, each token made of the characters
        of `original` at the same offsets."""
        out = []
        pos = 0
        for blk in _RE_BLOCK.split(text):
            if not blk:
                continue
            if _RE_BLOCK.match(blk):
                out.extend(self._cut_all_block(blk, original[pos:pos + len(blk)]))
            else:
                offset = pos
                for x in _RE_SKIP.split(blk):
                    if x:
                        out.append(original[offset:offset + len(x)])
                    offset += len(x)
            pos += len(blk)
        return out

    def _cut_all_block(self, blk: str, original: str) -> Iterator[str]:
        # jieba.Tokenizer.__cut_all, with spans instead of strings
        dag = self.tk.get_DAG(blk)
        old_j = -1
        eng_scan = False
        eng_buf: list[tuple[int, int]] = []
        for k, ends in dag.items():
            if eng_scan and not _RE_ENG.match(blk[k]):
                eng_scan = False
                yield "".join(original[s:e] for s, e in eng_buf)
            if len(ends) == 1 and k > old_j:
                span = (k, ends[0] + 1)
                if _RE_ENG.match(blk[k:ends[0] + 1]):
                    if not eng_scan:
                        eng_scan, eng_buf = True, [span]
                    else:
                        eng_buf.append(span)
                if not eng_scan:
                    yield original[span[0]:span[1]]
                old_j = ends[0]
            else:
                for j in ends:
                    if j > k:
                        yield original[k:j + 1]
                        old_j = j
        if eng_scan:
            yield "".join(original[s:e] for s, e in eng_buf)


class _RustEngine:
    """jieba-rs through rjieba; jieba's tokens for the default and search modes."""

    def __init__(self, entries: tuple[DictEntry, ...]):
        self.rj = _rjieba_class()()  # jieba's dict.txt, built into jieba-rs
        for e in entries:
            freq = e.freq if e.freq is not None else self.rj.suggest_freq(e.word)
            self.rj.add_word(e.word, freq, e.tag)
        self.has_word = self.rj.has_word
        self.cut_plain = self.rj.cut  # jieba's tokens for text that needs no correction (below)

    def cut(self, text: str, hmm: bool) -> list[str]:
        if _RE_NOT_JIEBA_HAN.search(text):
            return self._cut_blocks(text, hmm)
        tokens = self.rj.cut(text, hmm)
        return self._hmm_latin(tokens) if hmm and _splits_latin(text) else tokens

    def _cut_blocks(self, text: str, hmm: bool) -> list[str]:
        # jieba.Tokenizer.cut: Han blocks are cut alone, the rest character by character
        out: list[str] = []
        for i, blk in enumerate(_RE_BLOCK.split(text)):
            if not blk:
                continue
            if i % 2:
                tokens = self.rj.cut(blk, hmm)
                out.extend(self._hmm_latin(tokens) if hmm else tokens)
            else:
                for x in _RE_SKIP.split(blk):
                    if _RE_SKIP.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out

    def _hmm_latin(self, tokens: list[str]) -> list[str]:
        """jieba's HMM step splits a run like `state-of-the-art` or `2.9m` at every character
        outside [a-zA-Z0-9] (numbers keep their decimals and %); jieba-rs keeps it whole."""
        out = []
        for t in tokens:
            if (len(t) > 1 and not t.isalnum() and not _RE_HAN_CHAR.search(t)
                    and not self.has_word(t)):
                out.extend(x for x in _RE_HMM_SKIP.split(t) if x)
            else:
                out.append(t)
        return out


def _splits_latin(text: str) -> bool:
    """Whether `text` holds a Latin run that jieba's HMM step splits (then tokens are checked)."""
    return any(not _RE_HMM_WHOLE.fullmatch(m.group()) for m in _RE_LATIN_RUN.finditer(text))


def _rust_available() -> bool:
    return "rjieba" in sys.modules or find_spec("rjieba") is not None


def _rjieba_class():
    """rjieba's Jieba class. `import rjieba` also builds a default instance (jieba's whole
    dictionary, ~70 ms) that is never used here: the compiled module is loaded alone."""
    name = "rjieba.rjieba"
    if name not in sys.modules:
        try:
            directory = find_spec("rjieba").submodule_search_locations[0]
            path = next(p for p in (os.path.join(directory, "rjieba" + s)
                                    for s in importlib.machinery.EXTENSION_SUFFIXES)
                        if os.path.exists(p))
            loader = importlib.machinery.ExtensionFileLoader(name, path)
            module = importlib.util.module_from_spec(
                importlib.util.spec_from_file_location(name, path, loader=loader))
            loader.exec_module(module)
            sys.modules[name] = module  # a later `import rjieba` uses it (PyO3 inits once)
        except (ImportError, OSError, StopIteration, AttributeError, TypeError):
            import rjieba
            return rjieba.Jieba
    return sys.modules[name].Jieba


# --- the segmenter ----------------------------------------------------------------------------

class Segmenter:
    """jieba with the MCH dictionary and the user's entries, loaded once (see `segmenter()`).

    `engine`: "auto" (jieba-rs where it gives jieba's tokens), "jieba" or "rjieba"."""

    def __init__(self, user_dict: tuple[DictEntry, ...] = (), mch: bool = True,
                 simplify: bool = True, engine: str = "auto"):
        self.entries = (mch_dict() if mch else ()) + tuple(user_dict)
        self.words = frozenset(e.word for e in self.entries)
        self.simplify = simplify
        if engine == "auto":
            forced_split = any(e.freq == 0 for e in self.entries)
            engine = "rjieba" if not forced_split and _rust_available() else "jieba"
        self.engine_name = engine
        self._fast = _RustEngine(self.entries) if engine == "rjieba" else None
        self._slow: _JiebaEngine | None = None

    @property
    def jieba(self) -> _JiebaEngine:
        """The pure-Python engine, loaded on first need."""
        if self._slow is None:
            self._slow = _JiebaEngine(self.entries)
        return self._slow

    def load(self, mode: str = "default", pos: bool = False) -> Segmenter:
        """Load what `mode`/`pos` need now (before forking workers, say)."""
        if pos:
            self.jieba.tag("", True)
        elif mode == "full" or self._fast is None:
            self.jieba.has_word("")
        return self

    def _engine(self):
        return self._fast or self.jieba

    def spans(self, text: str, hmm: bool = True, search: bool = False) -> list[tuple[int, int]]:
        """(start, end) of each token of the default (or search) mode; whitespace left out.
        The offsets hold for `text` and for `simplify(text)` alike."""
        conv = simplify(text) if self.simplify else text
        engine = self._engine()
        spans = []
        start = 0
        for token in engine.cut(conv, hmm):
            end = start + len(token)
            if not token.isspace():
                if search and end - start > 2:
                    spans.extend(_grams(conv, start, end, engine.has_word))
                spans.append((start, end))
            start = end
        return spans

    def cut(self, text: str, mode: str = "default", hmm: bool = True) -> list[str]:
        """The tokens of `text` in the original characters, whitespace left out."""
        conv = simplify(text) if self.simplify else text
        if mode == "full":
            return [t for t in self.jieba.cut_all(conv, text) if t and not t.isspace()]
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r} (one of {', '.join(MODES)})")
        if conv is not text:  # converted: cut the original at the same offsets
            return [text[s:e] for s, e in self.spans(text, hmm, mode == "search")]
        tokens = self._tokens(text, mode == "search", hmm)
        return [t for t in tokens if not t.isspace()] if _RE_SPACE.search(text) else tokens

    def _tokens(self, text: str, search: bool, hmm: bool, plain: bool = False) -> list[str]:
        """The engine's tokens of `text` as it stands, whitespace included; `plain`: text that
        needs none of the engine's corrections to jieba-rs (see `Segmenter._alone`)."""
        engine = self._engine()
        tokens = engine.cut_plain(text, hmm) if plain else engine.cut(text, hmm)
        if search:
            out = []
            for t in tokens:
                if len(t) > 2 and not t.isspace():
                    out.extend(t[s:e] for s, e in _grams(t, 0, len(t), engine.has_word))
                out.append(t)
            tokens = out
        return tokens

    def cut_text(self, lines: list[str], mode: str = "default", hmm: bool = True,
                 sep: str = " ") -> str:
        """Each line's tokens (`cut`) joined by `sep`, a line each: `mch segment`'s output.

        The same as cutting line by line, in far fewer calls: jieba cuts a text's blocks apart
        and a character outside its Han pattern always ends a block, so lines joined by such a
        character (_JOIN) are cut as one text, and its tokens part them again. Lines that need
        more than the engine's tokens (see `_special`) are cut in groups of their kind."""
        text = "\n".join(lines)
        if mode == "full" or "\n" in sep or _JOIN in sep or _JOIN in text:  # (full: jieba's own)
            return "".join(sep.join(self.cut(line, mode, hmm)) + "\n" for line in lines)
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r} (one of {', '.join(MODES)})")
        special = self._special(text, lines, hmm)
        if not lines:
            return ""
        if not special:
            return self._cut_plain(text.replace("\n", _JOIN), mode, hmm, sep) + "\n"
        groups: dict[int, list[str]] = {_PLAIN: [], _FIX: [], _TRADITIONAL: []}
        for i, line in enumerate(lines):
            kind = special.get(i, _PLAIN)
            if kind != _ALONE and kind != _BLANK:
                groups[kind].append(line)
        outs = {_PLAIN: iter(self._cut_plain(_JOIN.join(groups[_PLAIN]), mode, hmm, sep).split("\n"))}
        for kind in (_FIX, _TRADITIONAL):  # cut() corrects and converts a whole text alike
            tokens = self.cut(_JOIN.join(groups[kind]), mode, hmm)
            outs[kind] = iter(sep.join(tokens).replace(sep + _JOIN + sep, "\n").split("\n"))
        out = []
        for i, line in enumerate(lines):
            kind = special.get(i, _PLAIN)
            out.append("" if kind == _BLANK else sep.join(self.cut(line, mode, hmm)) if kind == _ALONE
                       else next(outs[kind]))
        out.append("")
        return "\n".join(out)

    def _special(self, text: str, lines: list[str], hmm: bool) -> dict[int, int]:
        """The lines of `text` that are not _PLAIN, by number: blank ones (no token to part
        them); those with a CJK ideograph jieba-rs counts as Han and jieba does not, or a Latin
        run jieba's HMM step splits (_FIX: the engine corrects them); with `simplify`, those
        with a Traditional-only character (_TRADITIONAL: converted); those with a character of
        the supplementary planes (_ALONE, cut one by one: some are Traditional-only). Finding
        more lines than these costs time, never tokens."""
        found = {}
        candidates = _candidates_re(self.simplify)
        traditional = han_variants().traditional_only if self.simplify else frozenset()
        ends: list[int] = []
        m = candidates.search(text)  # the one scan of the whole text: the costly part
        while m:
            if not ends:
                ends = list(accumulate(len(line) + 1 for line in lines))  # offsets after each \n
            i = bisect_right(ends, m.start())
            chars = candidates.findall(lines[i])  # (isdisjoint(line) makes a string of each character)
            if max(chars) > "\uffff":
                found[i] = _ALONE
            elif not traditional.isdisjoint(chars):
                found[i] = _TRADITIONAL
            elif _RE_NOT_JIEBA_HAN.search(lines[i]) or hmm and _splits_latin(lines[i]):
                found[i] = _FIX
            m = candidates.search(text, ends[i])  # from the next line
        for i, line in enumerate(lines):
            if not line or line.isspace():
                found[i] = _BLANK
        return found

    def _cut_plain(self, text: str, mode: str, hmm: bool, sep: str) -> str:
        """The output (no final newline) of lines joined by _JOIN, none of them `_special`:
        none blank, so each _JOIN token lies between two tokens joined by `sep`."""
        tokens = self._tokens(_JOIN + text, mode == "search", hmm, plain=True)  # each token after one
        out = sep.join(tokens)
        if _RE_SPACE.search(text):
            if sep == " " or not _RE_SPACE.search(sep):
                # whitespace is a token of its own, one character, and no other token holds any:
                # each goes with the `sep` before it (10x faster than filtering the tokens)
                for space in _WHITESPACE:
                    if space in text:
                        out = out.replace(sep + space, "")
            else:
                out = sep.join(filterfalse(str.isspace, tokens))
        return out[len(_JOIN + sep):].replace(sep + _JOIN + sep, "\n")

    def tag(self, text: str, hmm: bool = True) -> list[tuple[str, str]]:
        """(token, part-of-speech flag) pairs, jieba.posseg's, whitespace left out."""
        conv = simplify(text) if self.simplify else text
        out = []
        start = 0
        for word, flag in self.jieba.tag(conv, hmm):
            end = start + len(word)
            if not word.isspace():
                out.append((text[start:end], flag))
            start = end
        return out


def _grams(text: str, start: int, end: int, has_word) -> Iterator[tuple[int, int]]:
    """jieba's search mode: the dictionary words among a long token's 2- and 3-grams."""
    for n in (2, 3):
        if end - start > n:
            for i in range(start, end - n + 1):
                if has_word(text[i:i + n]):
                    yield (i, i + n)


@lru_cache(maxsize=8)
@set_up
def segmenter(user_dict: tuple[DictEntry, ...] = (), mch: bool = True,
              simplify: bool = True) -> Segmenter:
    """The process-wide segmenter for these settings (dictionaries loaded once)."""
    return Segmenter(user_dict, mch, simplify)


def tokenize(text: str, user_dict: tuple[DictEntry, ...] = ()) -> list[str]:
    """jieba's default-mode tokens with the MCH dictionary (and the user's), no whitespace."""
    return segmenter(tuple(user_dict)).cut(text)


def cut_lines(lines: Iterable[str], seg: Segmenter, mode: str = "default", hmm: bool = True,
              pos: bool = False) -> Iterator[list[str]]:
    """Tokens for each line; with `pos`, `word/flag` strings."""
    for line in lines:
        if pos:
            yield [f"{w}/{f}" for w, f in seg.tag(line, hmm)]
        else:
            yield seg.cut(line, mode, hmm)


# --- the `mch segment` filter: batches of lines, on all cores for large inputs ---------------

class LineJob:
    """Segments a batch of input lines into output text: `text` format (tokens joined by
    `sep`, one output line per input line) or `jsonl` (records with `tokens` added)."""

    def __init__(self, seg: Segmenter, mode: str = "default", hmm: bool = True,
                 pos: bool = False, fmt: str = "text", sep: str = " "):
        self.seg, self.mode, self.hmm, self.pos, self.fmt, self.sep = seg, mode, hmm, pos, fmt, sep

    def __call__(self, batch: tuple[int, list[str]]) -> tuple[str, list[tuple[int, str]]]:
        """(output text, errors as (line number, reason)) for the lines numbered from batch[0]."""
        first, lines = batch
        if self.fmt == "text":
            if not self.pos:
                return self.seg.cut_text(lines, self.mode, self.hmm, self.sep), []
            sep = self.sep
            return "".join(sep.join(tokens) + "\n"
                           for tokens in cut_lines(lines, self.seg, self.mode, self.hmm, self.pos)), []
        import json

        from .decode import DecodeError, refuse_binary
        out, errors = [], []
        for number, line in enumerate(lines, first):
            if not line.strip():
                continue
            try:  # each record judged apart: one of control characters is one error
                record = json.loads(refuse_binary(line))
            except DecodeError as exc:
                errors.append((number, str(exc)))
                continue
            except ValueError as exc:
                errors.append((number, f"not JSON ({getattr(exc, 'msg', exc)})"))
                continue
            if isinstance(record, dict):
                self._add_tokens(record)
                for p in record.get("paragraphs") or ():
                    if isinstance(p, dict):
                        self._add_tokens(p)
            out.append(json.dumps(record, ensure_ascii=False) + "\n")
        return "".join(out), errors

    def run(self, text: str, jobs: int | None = None) -> Iterator[tuple[str, list[tuple[int, str]]]]:
        """The job over all lines of `text`, batch by batch, in order; on `jobs` processes
        (default: all cores for a large text, worker_count)."""
        from .settings import SEGMENT_BATCH_LINES
        workers = jobs or worker_count(len(text), self.seg, self.mode, self.pos)
        size = SEGMENT_BATCH_LINES
        if workers > 1:  # shares of nearly one size (map_batches): 8 batches or more to a share
            size = min(size, text.count("\n") // (8 * workers) + 1)
        return map_batches(self, line_batches(text, size), workers)

    def _add_tokens(self, obj: dict) -> None:
        text = obj.get("text")
        if not isinstance(text, str):
            return
        if self.pos:
            pairs = self.seg.tag(text, self.hmm)
            obj["tokens"], obj["pos"] = [w for w, _ in pairs], [f for _, f in pairs]
        else:
            obj["tokens"] = self.seg.cut(text, self.mode, self.hmm)


def line_batches(text: str, size: int) -> Iterator[tuple[int, list[str]]]:
    """(number of the first line, lines) in batches of `size`; a final newline ends the last
    line rather than starting an empty one."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for i in range(0, len(lines), size):
        yield i + 1, lines[i:i + size]


def map_batches(fn, batches: Iterable, jobs: int = 1) -> Iterator:
    """`fn` over `batches`, results in order; on `jobs` processes when jobs > 1 (and the platform
    forks): the batches are cut into `jobs` shares in order, forked children do all shares but
    the first, each whole, while this process does the first, and send their results back
    pickled when done. Children share what this process has loaded (dictionaries): load before
    calling. (A pool of workers cost 20 % more CPU than one process, in its threads, pickling
    each batch both ways and importing multiprocessing; a fork costs a few milliseconds.)"""
    batches = list(batches)
    jobs = min(jobs, len(batches))
    if jobs <= 1 or not hasattr(os, "fork"):
        yield from map(fn, batches)
        return
    import pickle
    import signal
    shares = [batches[k * len(batches) // jobs:(k + 1) * len(batches) // jobs] for k in range(jobs)]
    children = []  # (pid, the pipe its results come by)
    try:
        for share in shares[1:]:
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: its share, then out at once (none of the parent's cleanup)
                code = 1
                try:
                    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to report
                    os.close(read)
                    with os.fdopen(write, "wb") as out:
                        out.write(pickle.dumps([fn(batch) for batch in share], pickle.HIGHEST_PROTOCOL))
                    code = 0
                finally:
                    os._exit(code)
            os.close(write)
            children.append((pid, os.fdopen(read, "rb")))
        yield from map(fn, shares[0])
        while children:
            pid, results = children[0]
            data = results.read()
            status = os.waitpid(pid, 0)[1]
            children.pop(0)  # (reaped: not the finally's to kill)
            results.close()
            if status != 0:
                raise RuntimeError("mch segment: a worker process failed")
            yield from pickle.loads(data)
    finally:  # given up (time limit, Ctrl-C, an error): the children go too
        for pid, results in children:
            results.close()
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass


def worker_count(chars: int, seg: Segmenter, mode: str = "default", pos: bool = False) -> int:
    """All the cores this process may use, for an input this long (when forking pays off with
    this engine), unless the machine is saturated (its load average at least its cores plus
    one): then 1. On this 2-core machine, 1.1 M characters, -j 2 against -j 1: 15 % faster at a
    load of 1.4, 8-13 % slower at 3.4-5 (the second process only shares out the cutting, and its
    fork costs page copies)."""
    from .settings import SEGMENT_PARALLEL_MIN_CHARS, SEGMENT_PARALLEL_MIN_CHARS_JIEBA
    slow = pos or mode == "full" or seg.engine_name != "rjieba"
    if chars < (SEGMENT_PARALLEL_MIN_CHARS_JIEBA if slow else SEGMENT_PARALLEL_MIN_CHARS):
        return 1
    try:
        if os.getloadavg()[0] >= (os.cpu_count() or 1) + 1:
            return 1
    except (AttributeError, OSError):  # no load average (Windows)
        pass
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
