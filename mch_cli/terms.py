"""MCH concepts found in text (a bilingual glossary) and keywords (TF-IDF), in either language.

- Glossary (`data/glossary.tsv`): a concept id, its Chinese terms and its English terms. Chinese
  terms are found among the tokens (a term is matched only where segmentation puts word
  boundaries around it: 母婴 is not found in 父母/婴儿); English terms by regular expression
  (any case, plural `s`, spaces and hyphens alike; acronyms such as NHC or AIDS only in capitals),
  tried only in Latin text, where a word begins, the terms beginning with its letter.
  Traditional text is matched through its Simplified form.
- Keywords: Chinese ones as jieba.analyse's TF-IDF (`extract_tags`, its IDF table and stopwords)
  over the Chinese tokens with the MCH dictionary; English ones as TF-IDF over words and glossary
  phrases with a stopword list (`data/stopwords_en.txt`), the IDF taken from the documents at
  hand (with one document, term frequency alone).
"""
from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from typing import NamedTuple

from .article import Article
from .decode import set_up
from .segment import Segmenter, simplify
from .settings import KEYWORD_MIN_CHARS_EN, KEYWORD_MIN_CHARS_ZH, KEYWORDS_TOP_K, TERMS_MAX_TOKENS

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Stretches of text an English term can lie in: no CJK character or punctuation, no full-width
# form (none is a letter, digit, space, hyphen or apostrophe of a term, in any case), and a letter
# (ASCII, or one that IGNORECASE matches to one: ſ ı İ K). The English matcher sees only these.
_LATIN_RUN = re.compile("[^\u3001-\u303f\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+")
_TERM_LETTERS = "A-Za-z\u017f\u0130\u0131\u212a"
_TERM_LETTER = re.compile(f"[{_TERM_LETTERS}]")
# Where a term can begin: a letter with no ASCII letter or digit before it (every term begins
# with a letter, and the terms are matched as words)
_TERM_START = re.compile(f"(?<![A-Za-z0-9])[{_TERM_LETTERS}]")
_FIRST_CHARACTERS = [chr(c) for c in range(ord("A"), ord("z") + 1) if chr(c).isalpha()] + list("\u017f\u0130\u0131\u212a")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")


class Concept(NamedTuple):
    id: str
    zh: tuple[str, ...]   # the first is the concept's Chinese label
    en: tuple[str, ...]   # the first is the concept's English label


def _data(name: str) -> str:
    return resources.files("mch_cli").joinpath("data", name).read_text(encoding="utf-8")


def parse_glossary(text: str) -> tuple[Concept, ...]:
    """`concept<TAB>zh|zh…<TAB>en|en…` lines; the header line and `#` lines are skipped."""
    concepts = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("concept\t"):
            continue
        cid, zh, en = line.rstrip("\n").split("\t")
        concepts.append(Concept(cid, tuple(t for t in zh.split("|") if t),
                                tuple(t for t in en.split("|") if t)))
    return tuple(concepts)


@lru_cache(maxsize=1)
@set_up
def glossary() -> tuple[Concept, ...]:
    """The glossary shipped in `data/glossary.tsv`."""
    return parse_glossary(_data("glossary.tsv"))


def _is_acronym(term: str) -> bool:
    return not any(c.islower() for c in term)


def _en_pattern(term: str) -> str:
    parts = []
    for ch in term:
        if ch == " ":
            parts.append(r"[\s\-]+")
        elif ch == "-":
            parts.append(r"[\s\-]?")
        elif ch in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(ch))
    body = "".join(parts)
    if _is_acronym(term):
        return body
    return f"(?i:{body}s?)" if term[-1].isalpha() else f"(?i:{body})"


class Glossary:
    """Finds the glossary's concepts in text; built once per glossary."""

    def __init__(self, concepts: Iterable[Concept] = ()):
        self.concepts = {c.id: c for c in (concepts or glossary())}
        self.zh = {t: c.id for c in self.concepts.values() for t in c.zh}
        self._zh_longest = max(map(len, self.zh), default=1)
        en = {t: c.id for c in self.concepts.values() for t in c.en}
        # the longest term first; one group per term tells which one matched
        self._en_terms = sorted(en, key=len, reverse=True)
        self._en_ids = [en[t] for t in self._en_terms]
        # Tried only where a term can begin, and there only the terms that begin with the letter
        # found, in the same order: what one regex of all the terms would find, without trying
        # 660 alternatives at every character
        starting: dict[str, list[int]] = {}
        for i, term in enumerate(self._en_terms):
            first = re.compile(re.escape(term[0]) if _is_acronym(term) else f"(?i:{re.escape(term[0])})")
            for c in _FIRST_CHARACTERS:
                if first.fullmatch(c):
                    starting.setdefault(c, []).append(i)
        self._en_starting = {c: (re.compile("(?:" + "|".join(f"({_en_pattern(self._en_terms[i])})" for i in terms)
                                            + r")(?![A-Za-z0-9])"), terms) for c, terms in starting.items()}

    def find(self, text: str, seg: Segmenter) -> list[tuple[str, str, int, int]]:
        """(concept id, form as written, start, end) of each term found, in text order."""
        found = self._find_zh(text, seg) + self.find_en(text)
        return sorted(found, key=lambda f: f[2])

    def _find_zh(self, text: str, seg: Segmenter) -> list[tuple[str, str, int, int]]:
        if not _HAN.search(text):
            return []
        conv = simplify(text) if seg.simplify else text
        spans = seg.spans(text)
        # joined[i]: tokens i..joined[i]-1 are contiguous (no space between them)
        joined = list(range(1, len(spans) + 1))
        for k in range(len(spans) - 2, -1, -1):
            if spans[k][1] == spans[k + 1][0]:
                joined[k] = joined[k + 1]
        found = []
        i = 0
        while i < len(spans):
            for j in range(min(joined[i], i + TERMS_MAX_TOKENS), i, -1):
                # tokens i..j-1 joined
                start, end = spans[i][0], spans[j - 1][1]
                cid = self.zh.get(conv[start:end])
                if cid:
                    found.append((cid, text[start:end], start, end))
                    i = j
                    break
            else:
                start, end = spans[i]
                if conv[start:end] in seg.words:  # an MCH compound: 母婴用品, 儿童保健门诊
                    found.extend(self._inside(text, conv, start, end))
                i += 1
        return found

    def _inside(self, text: str, conv: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
        """Glossary terms inside one dictionary word, leftmost and longest first."""
        found = []
        i = start
        while i < end:
            for j in range(min(end, i + self._zh_longest), i, -1):
                cid = self.zh.get(conv[i:j])
                if cid and (i, j) != (start, end):
                    found.append((cid, text[i:j], i, j))
                    i = j
                    break
            else:
                i += 1
        return found

    def find_en(self, text: str) -> list[tuple[str, str, int, int]]:
        """English terms; the form lower-cased (acronyms excepted), spaces and apostrophes
        made plain, so that case and typography variants count as one form."""
        found = []
        for run in _LATIN_RUN.finditer(text):
            latin, at = run.group(), run.start()
            start = _TERM_START.search(latin)
            while start:
                p = start.start()
                regex, terms = self._en_starting.get(latin[p], (None, ()))
                m = regex.match(latin, p) if regex else None
                if m:
                    i = terms[m.lastindex - 1]
                    form = re.sub(r"\s+", " ", m.group()).replace("’", "'")
                    if not _is_acronym(self._en_terms[i]):
                        form = form.lower()
                    found.append((self._en_ids[i], form, at + m.start(), at + m.end()))
                start = _TERM_START.search(latin, m.end() if m else p + 1)
        return found


@lru_cache(maxsize=1)
@set_up
def default_glossary() -> Glossary:
    return Glossary(glossary())


@dataclass
class ConceptCount:
    """One concept's occurrences in a document or a corpus."""
    concept: Concept
    count: int = 0
    docs: int = 0
    forms: Counter = field(default_factory=Counter)

    def to_dict(self, with_docs: bool = True) -> dict:
        d = {"concept": self.concept.id,
             "zh": self.concept.zh[0] if self.concept.zh else None,
             "en": self.concept.en[0] if self.concept.en else None,
             "count": self.count}
        if with_docs:
            d["docs"] = self.docs
        d["forms"] = dict(self.forms.most_common())
        return d


def count_concepts(found: Iterable[tuple[str, str, int, int]], gl: Glossary) -> dict[str, ConceptCount]:
    counts: dict[str, ConceptCount] = {}
    for cid, form, _, _ in found:
        c = counts.setdefault(cid, ConceptCount(gl.concepts[cid], docs=1))
        c.count += 1
        c.forms[form] += 1
    return counts


def merge_counts(total: dict[str, ConceptCount], doc: dict[str, ConceptCount]) -> None:
    for cid, c in doc.items():
        t = total.setdefault(cid, ConceptCount(c.concept))
        t.count += c.count
        t.docs += 1
        t.forms.update(c.forms)


def ranked(counts: dict[str, ConceptCount]) -> list[ConceptCount]:
    return sorted(counts.values(), key=lambda c: (-c.count, c.concept.id))


# --- keywords ---------------------------------------------------------------------------------

# jieba.analyse.KeywordExtractor.STOP_WORDS
JIEBA_STOP_WORDS = frozenset((
    "the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are",
    "by", "be", "as", "on", "with", "can", "if", "from", "which", "you", "it",
    "this", "then", "at", "have", "all", "not", "one", "has", "or", "that"))


@lru_cache(maxsize=1)
@set_up
def jieba_idf() -> tuple[dict[str, float], float]:
    """jieba.analyse's IDF table and its median (read without importing jieba.analyse)."""
    spec = find_spec("jieba")
    path = os.path.join(spec.submodule_search_locations[0], "analyse", "idf.txt")
    idf = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            word, value = line.strip().split(" ")
            idf[word] = float(value)
    return idf, sorted(idf.values())[len(idf) // 2]


@lru_cache(maxsize=1)
@set_up
def english_stopwords() -> frozenset[str]:
    return frozenset(w.strip().lower() for w in _data("stopwords_en.txt").splitlines()
                     if w.strip() and not w.startswith("#"))


class DocTerms(NamedTuple):
    """A document's keyword candidates: counts by key, and the form shown for each key."""
    zh: Counter
    en: Counter
    shown: dict[str, str]


def keyword_candidates(text: str, seg: Segmenter, gl: Glossary | None = None) -> DocTerms:
    """Chinese candidates: tokens holding a Han character, filtered as jieba.analyse does
    (at least 2 characters, not a stopword), keyed by their Simplified form; on text of Chinese
    words and punctuation this is jieba.analyse.extract_tags exactly. Numbers are left out
    (jieba would rank 2025 high, with the median IDF) and Latin words go to the English side:
    glossary phrases and words not in the stopword list, lower-cased."""
    zh: Counter = Counter()
    en: Counter = Counter()
    shown: dict[str, str] = {}
    if _HAN.search(text):
        conv = simplify(text) if seg.simplify else text
        for s, e in seg.spans(text):
            key = conv[s:e]
            if not _HAN.search(key) or len(key.strip()) < KEYWORD_MIN_CHARS_ZH \
                    or key.lower() in JIEBA_STOP_WORDS:
                continue
            zh[key] += 1
            shown.setdefault(key, text[s:e])
    stop = english_stopwords()
    rest = text
    if gl is not None:
        pieces, last = [], 0
        for _, form, s, e in gl.find_en(text):
            key = form.lower()
            if " " in key:  # a phrase counts as one keyword
                en[key] += 1
                shown.setdefault(key, key)
                pieces.append(text[last:s])
                last = e
        rest = " ".join(pieces + [text[last:]])
    for m in _EN_WORD.finditer(rest):
        key = m.group().lower().replace("’", "'")
        if len(key) < KEYWORD_MIN_CHARS_EN or key in stop:
            continue
        en[key] += 1
        shown.setdefault(key, key)
    return DocTerms(zh, en, shown)


class Keyword(NamedTuple):
    word: str
    weight: float
    lang: str


def _tfidf_zh(counts: Counter) -> list[tuple[str, float]]:
    """jieba.analyse.TFIDF.extract_tags' weights, in its order (stable sort on weight)."""
    idf, median = jieba_idf()
    total = sum(counts.values())
    weights = {w: n * (idf.get(w, median) / total) for w, n in counts.items()}
    return sorted(weights.items(), key=lambda kv: kv[1], reverse=True)


def _tfidf_en(counts: Counter, df: Counter, n_docs: int) -> list[tuple[str, float]]:
    total = sum(counts.values())
    weights = {w: n / total * (math.log((1 + n_docs) / (1 + df[w])) + 1) for w, n in counts.items()}
    return sorted(weights.items(), key=lambda kv: kv[1], reverse=True)


def top_keywords(doc: DocTerms, df_en: Counter, n_docs: int, k: int = KEYWORDS_TOP_K
                 ) -> list[Keyword]:
    """The k best keywords with their TF-IDF weights. When both languages are present, each
    weight is taken relative to its language's best and times its language's share of the
    candidates (a bilingual page or corpus gets keywords in both, ranked together)."""
    zh = _tfidf_zh(doc.zh) if doc.zh else []
    en = _tfidf_en(doc.en, df_en, n_docs) if doc.en else []
    if not zh or not en:
        lang, ranked_ = ("zh", zh) if zh else ("en", en)
        return [Keyword(doc.shown[w], round(wt, 6), lang) for w, wt in ranked_[:k]]
    n_zh, n_en = sum(doc.zh.values()), sum(doc.en.values())
    share = {"zh": n_zh / (n_zh + n_en), "en": n_en / (n_zh + n_en)}
    best = {"zh": zh[0][1] or 1.0, "en": en[0][1] or 1.0}
    both = [(w, wt / best[lang] * share[lang], lang) for lang, ranked_ in (("zh", zh), ("en", en))
            for w, wt in ranked_]
    both.sort(key=lambda x: x[1], reverse=True)
    return [Keyword(doc.shown[w], round(wt, 6), lang) for w, wt, lang in both[:k]]


def merge_candidates(docs: Iterable[DocTerms]) -> DocTerms:
    """One candidate set for a corpus: the counts added up (as for one long document)."""
    zh: Counter = Counter()
    en: Counter = Counter()
    shown: dict[str, str] = {}
    for d in docs:
        zh.update(d.zh)
        en.update(d.en)
        for key, form in d.shown.items():
            shown.setdefault(key, form)
    return DocTerms(zh, en, shown)


def english_df(docs: Iterable[DocTerms]) -> Counter:
    """In how many documents each English candidate occurs."""
    df: Counter = Counter()
    for d in docs:
        df.update(d.en.keys())
    return df


# --- text output ------------------------------------------------------------------------------

def _width(text: str) -> int:
    """Columns on a terminal: East Asian wide characters take two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _table(rows: list[list[str]], right: int) -> str:
    """Columns separated by two spaces; the first `right` columns right-aligned."""
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for r in rows:
        cells = [" " * (widths[i] - _width(c)) + c if i < right else _pad(c, widths[i])
                 for i, c in enumerate(r)]
        lines.append("  ".join(cells).rstrip() + "\n")
    return "".join(lines)


def concept_table(found: list[ConceptCount], docs: bool = True) -> str:
    """count, (docs,) concept, labels and the forms found, one concept a line."""
    if not found:
        return ""
    head = ["count"] + (["docs"] if docs else []) + ["concept", "zh", "en", "found"]
    rows = [head]
    for c in found:
        forms = ", ".join(f"{form} {n}" for form, n in c.forms.most_common())
        rows.append([str(c.count)] + ([str(c.docs)] if docs else [])
                    + [c.concept.id, c.concept.zh[0] if c.concept.zh else "-",
                       c.concept.en[0] if c.concept.en else "-", forms])
    return _table(rows, 2 if docs else 1)


def keyword_block(heading: str, found: list[Keyword]) -> str:
    """A heading line, then rank, weight, language and keyword, one a line; a blank line after."""
    rows = [[str(i), f"{k.weight:.4f}", k.lang, k.word] for i, k in enumerate(found, 1)]
    return heading + "\n" + (_table(rows, 2) if rows else "") + "\n"


# --- the reports of `mch terms` and `mch keywords`: output text, piece by piece ----------------

def _json(obj: dict) -> str:
    import json
    return json.dumps(obj, ensure_ascii=False) + "\n"


def concept_report(articles: Iterable[Article], seg: Segmenter, per_doc: bool = False,
                   jsonl: bool = False) -> Iterator[str]:
    """The concepts of all pages (a table, or one record per concept) at the end; with
    `per_doc`, those of each page as it comes."""
    gl = default_glossary()
    total: dict[str, ConceptCount] = {}
    for article in articles:
        counts = count_concepts(gl.find(article.title_and_text, seg), gl)
        if per_doc:
            found = ranked(counts)
            yield (_json({"path": article.path, "title": article.title,
                          "concepts": [c.to_dict(with_docs=False) for c in found]}) if jsonl
                   else f"{article.path}\n{concept_table(found, docs=False)}\n")
        merge_counts(total, counts)
    if not per_doc:
        yield "".join(_json(c.to_dict()) for c in ranked(total)) if jsonl else concept_table(ranked(total))


def keyword_report(articles: Iterable[Article], seg: Segmenter, top: int = KEYWORDS_TOP_K,
                   corpus: bool = False, jsonl: bool = False) -> Iterator[str]:
    """The top keywords of each page, or with `corpus` of all together; English IDF needs all
    pages first."""
    gl = default_glossary()
    docs = [(article, keyword_candidates(article.title_and_text, seg, gl)) for article in articles]
    df = english_df(d for _, d in docs)
    if corpus:
        found = top_keywords(merge_candidates(d for _, d in docs), df, len(docs), top)
        yield (_json({"path": None, "documents": len(docs), "keywords": [k._asdict() for k in found]})
               if jsonl else keyword_block(f"{len(docs)} documents", found))
        return
    for article, d in docs:
        found = top_keywords(d, df, len(docs), top)
        yield (_json({"path": article.path, "title": article.title, "lang": article.lang,
                      "keywords": [k._asdict() for k in found]}) if jsonl
               else keyword_block(article.path + (f"  {article.title}" if article.title else ""), found))
