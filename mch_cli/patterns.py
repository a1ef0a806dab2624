"""Whole-line patterns for boilerplate, captions and editor lines, loaded from data files."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from importlib import resources
from pathlib import Path

from .decode import set_up
from .script import han_variants


@dataclass(frozen=True)
class Pattern:
    label: str          # boilerplate | caption | meta
    ends_article: bool  # "end": the article cannot continue past such a line
    starts_list: bool   # "list": a list of links follows (inside an article too, up to its prose)
    max_tokens: int     # applies only to lines this short (0: any length)
    reason: str
    regex: re.Pattern
    ends_before_thread: bool = False  # "thread": ends the article where a comment thread follows it
    heads_bio: bool = False  # "bio": ends the article, and what follows is a biography ("About Me")


def parse_patterns(text: str, origin: str = "patterns") -> tuple[Pattern, ...]:
    patterns = []
    for n, row in enumerate(text.splitlines(), 1):
        if not row.strip() or row.startswith("#"):
            continue
        fields = row.split("\t")
        if len(fields) != 5 or fields[0] not in ("boilerplate", "caption", "meta"):
            raise ValueError(f"{origin}:{n}: expected label<TAB>end<TAB>max_tokens<TAB>reason<TAB>regex")
        label, end, max_tokens, reason, regex = fields
        if end not in ("end", "list", "thread", "bio", "-"):
            raise ValueError(f"{origin}:{n}: second column {end!r}: expected end, list, thread, bio or -")
        if not max_tokens.isdigit():
            raise ValueError(f"{origin}:{n}: third column {max_tokens!r}: expected a number of tokens (0: any)")
        try:
            compiled = re.compile(regex, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{origin}:{n}: bad regex: {exc}") from None
        patterns.append(Pattern(label, end in ("end", "bio"), end == "list", int(max_tokens), reason, compiled,
                                end == "thread", end == "bio"))
    return tuple(patterns)


@lru_cache(maxsize=None)
@set_up
def builtin_patterns() -> tuple[Pattern, ...]:
    text = resources.files("mch_cli").joinpath("data/patterns.tsv").read_text(encoding="utf-8")
    return parse_patterns(text, "patterns.tsv")


def load_patterns(path: str | Path) -> tuple[Pattern, ...]:
    """A user's pattern file (same format as data/patterns.tsv). Raises OSError, or ValueError
    whose message names the file (and the line)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8 text") from None
    return parse_patterns(text, str(path))


def match(text: str, tokens: int, patterns: tuple[Pattern, ...]) -> Pattern | None:
    """The first of `patterns` that applies to a line of `tokens` tokens and matches it."""
    return matcher(patterns).match(text, tokens)


# --- literal gates ------------------------------------------------------------------------------
# A pattern's regex runs only on a line holding one of the literals that every match of it
# contains ("版权所有", "copyright", …), read off the regex's parse tree. Most lines hold none of
# them, and one Aho-Corasick pass over a line tells which patterns' literals it holds. A pattern
# made of alternatives ("photo credit": a|b|c…) is tried alternative by alternative, each behind
# its own literals: sharper gates, and smaller regexes when one runs.
# Literals are lower-cased and looked for in the lower-cased line. They are made only of ASCII
# and of characters without case (Han, punctuation), which a case-insensitive regex matches as
# themselves alone; ASCII letters it also matches to these four characters, and a line holding
# one of them is tried against every pattern.
CASE_TRAPS = "\u0130\u0131\u017f\u212a"  # İ ı ſ K (Kelvin)


_LINES_A_PASS = 4096
_TRIES_KEPT = 4096


class Matcher:
    """`patterns` with their literal gates, built once per tuple of patterns."""

    def __init__(self, patterns: tuple[Pattern, ...]):
        from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

        self.patterns = patterns
        self.units: list[tuple[int, re.Pattern]] = []  # (pattern's index, a regex), in order
        ungated: set[int] = set()
        by_literal: dict[str, set[int]] = {}
        for k, p in enumerate(patterns):
            for regex, literals in alternatives(p.regex):
                unit = len(self.units)
                self.units.append((k, regex))
                if not literals:
                    ungated.add(unit)
                for literal in literals or ():
                    by_literal.setdefault(literal, set()).add(unit)
        # Sets of units as bit masks (bit u: unit u): a line's is an int, a quarter of a small
        # frozenset's memory, on each of a big page's lines
        self.ungated = _mask(ungated)
        self.tries: dict[int, tuple] = {}  # _tries of each set of units met
        self.every = (1 << len(self.units)) - 1
        literals = sorted(by_literal)
        self.gated = [_mask(by_literal[s]) for s in literals]  # literal's index → units
        # a DFA: the same matches, found in two thirds of the time of the default automaton
        self.finder = (AhoCorasick(literals, matchkind=MatchKind.Standard, implementation=Implementation.DFA)
                       if literals else None)

    def match(self, text: str, tokens: int) -> Pattern | None:
        """The first pattern that applies to a line of `tokens` tokens and matches it."""
        return self.match_lines([text], [tokens])[0]

    def match_lines(self, texts: list[str], tokens: list[int]) -> list[Pattern | None]:
        """match() of each text, with Aho-Corasick passes over many of them at once (a page's
        lines): a call for thousands of lines, not one a line. Literals found are given to the
        line they start in."""
        # Traditional pages match the same patterns: the lines that hold a Traditional form of
        # the patterns' words, simplified (found a block of lines at a time: a big page joined
        # whole is a second copy of it, four bytes a character when one line holds an emoji)
        changed: set[int] = set()
        for first in range(0, len(texts), _LINES_A_PASS):
            lines = texts[first: first + _LINES_A_PASS]
            block = "\n".join(lines)
            found = [] if block.isascii() else [m.start() for m in han_variants().vocabulary_re.finditer(block)]
            if found:  # (a few lines of a few pages)
                starts = list(accumulate((len(text) + 1 for text in lines[:-1]), initial=0))
                changed.update(first + bisect_right(starts, at) - 1 for at in found)
        if changed:
            vocabulary = han_variants().vocabulary
            texts = [text.translate(vocabulary) if n in changed else text for n, text in enumerate(texts)]
        if self.finder is None:
            return [self._first(text, n, self.every) for text, n in zip(texts, tokens)]
        hits = [self.ungated] * len(texts)
        # a few thousand lines at a time: a big page's list of every match would cost more memory
        # than the page
        for first in range(0, len(texts), _LINES_A_PASS):
            lines = texts[first: first + _LINES_A_PASS]
            block = "\n".join(lines)
            low = block.lower()
            if len(low) != len(block) or any(c in block for c in CASE_TRAPS):
                # a line whose lower case is not one character for one, or that may match a
                # letter beyond ASCII, is tried against every pattern; the others keep their gates
                lines = [line.lower() for line in lines]
                for n, (text, line) in enumerate(zip(texts[first:], lines)):
                    if len(line) != len(text) or any(c in text for c in CASE_TRAPS):
                        hits[first + n], lines[n] = self.every, ""
                low = "\n".join(lines)
            starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
            for k, start, _ in self.finder.find_matches_as_indexes(low, overlapping=True):
                n = first + bisect_right(starts, start) - 1
                hits[n] |= self.gated[k]
        return [self._first(text, n_tokens, units) if units else None
                for text, n_tokens, units in zip(texts, tokens, hits)]

    def _first(self, text: str, tokens: int, units: int) -> Pattern | None:
        tries = self.tries.get(units)
        if tries is None:
            tries = self._tries(units)
        for max_tokens, regex, p in tries:
            if (not max_tokens or tokens <= max_tokens) and regex.search(text):
                return p
        return None

    def _tries(self, units: int) -> tuple[tuple[int, re.Pattern, Pattern], ...]:
        """(max tokens, regex, pattern) of `units` in the patterns' order, made once for each set
        of units that lines hold (a few hundred; the cache is emptied if ever it grows large)."""
        if len(self.tries) >= _TRIES_KEPT:
            self.tries.clear()
        ordered = [u for u in range(units.bit_length()) if units >> u & 1]
        tries = self.tries[units] = tuple((self.patterns[k].max_tokens, regex, self.patterns[k])
                                          for k, regex in map(self.units.__getitem__, ordered))
        return tries


def _mask(units) -> int:
    """A set of units as a bit mask."""
    return sum(1 << u for u in set(units))


def matcher(patterns: tuple[Pattern, ...]) -> Matcher:
    """The Matcher of `patterns`. Pages ask with the same tuple again and again: the last one is
    kept by identity, which spares hashing every pattern for the cache on every page."""
    last_patterns, last_matcher = _last
    if patterns is not last_patterns:
        last_matcher = _matcher(patterns)
        _last[:] = patterns, last_matcher
    return last_matcher


_last: list = [None, None]


@lru_cache(maxsize=16)
@set_up
def _matcher(patterns: tuple[Pattern, ...]) -> Matcher:
    return Matcher(patterns)


def required_literals(regex: re.Pattern) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of `regex` contains; None when the parse
    tree shows none (a pattern that is always tried)."""
    try:
        from re import _parser
        return _literals(_parser.parse(regex.pattern, regex.flags))
    except Exception:  # noqa: BLE001 — a parser this code does not know: no gate, same matches
        return None


def alternatives(regex: re.Pattern) -> list[tuple[re.Pattern, frozenset[str] | None]]:
    """`regex` as (regex, its required literals) pieces that it matches where one of them does:
    the alternatives of a top-level alternation, compiled apart (a search finds a match of
    a|b|c exactly where one of a, b, c finds one), or `regex` whole."""
    try:
        from re import _compiler, _constants, _parser
        tree = _parser.parse(regex.pattern, regex.flags)
        if (len(tree.data) == 1 and tree.data[0][0] is _constants.BRANCH
                and "GROUPREF" not in str(tree.data)):  # no backreference opcode anywhere
            return [(_compiler.compile(branch, regex.flags), _literals(branch))
                    for branch in tree.data[0][1][1]]
        return [(regex, _literals(tree))]
    except Exception:  # noqa: BLE001 — a parser this code does not know: whole, ungated
        return [(regex, None)]


def _literals(items) -> frozenset[str] | None:
    """For a sequence of parsed items: the most selective set of strings that one of its items
    requires (a run of items that each match one of a few fixed strings, "图" then "[:：/]";
    a group, an alternation, a repeat of at least one)."""
    from re import _constants as c

    best = None

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or _rank(found) > _rank(best)):
            best = found

    run = frozenset([""])  # the strings the run of fixed items so far matches, one of which is there
    for op, av in items:
        fixed = _fixed((op, av))
        longer = _then(run, fixed)
        if longer is not None:
            run = longer
            continue
        consider(run if "" not in run else None)
        run = frozenset([""]) if fixed is None else fixed
        if op is c.SUBPATTERN:
            consider(_literals(av[-1]))
        elif op is c.ATOMIC_GROUP:
            consider(_literals(av))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_literals(av[2]))
        elif op is c.BRANCH:
            branches = [_literals(b) for b in av[1]]
            consider(None if None in branches else frozenset().union(*branches))
    consider(run if "" not in run else None)
    return best


_MOST_FIXED = 16  # strings a run of fixed items may stand for (a gate with more is no sharper)


def _fixed(item) -> frozenset[str] | None:
    """The few strings, lower-cased, that a parsed item matches, when they are fixed ("a",
    "[:：/]", "(?:cfp|ic)"); None when it matches others too or a character with case beyond
    ASCII."""
    from re import _constants as c

    op, av = item
    if op is c.LITERAL:
        return frozenset([chr(av).lower()]) if _plain(chr(av)) else None
    if op is c.IN:
        return (frozenset(chr(v).lower() for _, v in av)
                if all(o is c.LITERAL and _plain(chr(v)) for o, v in av) else None)
    if op is c.SUBPATTERN:
        return _fixed_sequence(av[-1])
    if op is c.BRANCH:
        found = [_fixed_sequence(b) for b in av[1]]
        return None if None in found else frozenset().union(*found)
    return None


def _fixed_sequence(items) -> frozenset[str] | None:
    run = frozenset([""])
    for item in items:
        run = _then(run, _fixed(item))
        if run is None:
            return None
    return run


def _then(run: frozenset[str], fixed: frozenset[str] | None) -> frozenset[str] | None:
    """Each string of `run` followed by each of `fixed`; None when `fixed` is, or when they
    would be more than _MOST_FIXED."""
    if fixed is None or len(run) * len(fixed) > _MOST_FIXED:
        return None
    return frozenset(a + b for a in run for b in fixed)


def _plain(ch: str) -> bool:
    """ASCII, or without case: matched case-insensitively by itself (ASCII letters: see CASE_TRAPS)."""
    return ch.isascii() or ch.lower() == ch == ch.upper()


def _rank(literals: frozenset[str]) -> tuple[float, int]:
    """Higher for rarer literals: the rarest of a set counts, Han characters are rarer than
    letters, and punctuation and digits are common (every date holds "20"); fewer literals
    break ties."""
    weight = min(sum(1 if ch.isascii() and ch.isalpha() else 0.5 if ch.isascii() else 2 for ch in s)
                 for s in literals)
    return weight, -len(literals)
