"""Fit the classifier's weights (mch_cli/weights.py) on the dev sets and write data/weights.json.

    python benchmarks/fit.py [--shared ../shared] [--exclude SET] [--out FILE] [--jobs N] [--hand]

Each page (.txt and .html of every set fitted on) is decoded and split into lines once; a try of
the weights then only re-runs classify() on the cached lines. The search is a coordinate search
over a coarse grid per weight, from the hand values of settings.py, a few rounds, deterministic:
a weight moves only when that raises the objective by MIN_GAIN, to the grid value that raises it
most (ties: the value nearest the current one), and only when no set, form and language falls by
more than MAX_FALL below the hand values (the rule every change here keeps). Objective: the mean
token F1 (score.py) over the pages of the sets fitted on, both languages and both forms;
dev-daniel's references start with the headline, so it is scored as score.py --with-title does
(title + "\\n" + text). The weights are written with the sets, the score reached, and the score
per set, form and language.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mch_cli import meta  # noqa: E402
from mch_cli.article import KEPT_LABELS, TITLE, Document, Line  # noqa: E402
from mch_cli.classify import classify  # noqa: E402
from mch_cli.decode import DecodeError  # noqa: E402
from mch_cli.patterns import builtin_patterns  # noqa: E402
from mch_cli.pipeline import _TITLE_KEY, _joint, read_lines  # noqa: E402
from mch_cli.weights import HAND, NAMES, Weights  # noqa: E402

# The sets the weights may be fitted on, and whether score.py scores them --with-title.
# dev-dragnet is NOT here, and must never be: it is AGPL data, which may be measured (eval.py)
# but must not shape the parameters shipped in the package. fit() refuses pages of any other set.
FIT_SETS = {"dev": False, "dev-daniel": True}
FORMS = ("txt", "html")

# Coarse grids (each holds the hand value): few values, so that a weight cannot chase single pages.
# The headline's bonuses (TITLE_*) are not searched: fitting them gained 0.0004 and let a
# repeated standfirst beat the signed headline (tests/test_classify.py) — it did not pay.
# Put them back in GRID to fit them.
GRID: dict[str, tuple[float, ...]] = {
    "NEAR_PROSE_WEIGHT": (0.0, 0.125, 0.25, 0.5, 0.75, 1.0),
    "SHORT_LINE_COST": (1.0, 2.0, 3.0, 4.0, 6.0, 8.0),
    "NEAR_LINE_COST_PER_TOKEN": (0.25, 0.5, 0.7, 1.0, 1.5),
    "BAD_LINE_COST": (2.5, 5.0, 10.0, 15.0, 20.0, 30.0),
    "FIRST_RUN_SHARE": (0.3, 0.4, 0.5, 0.6, 0.7, 0.8),
    "FIRST_RUN_MIN_SCORE": (50.0, 75.0, 100.0, 150.0, 200.0, 300.0),
    "SIGNED_RUN_MIN_SHARE": (0.25, 0.5, 0.75, 1.0, 1.5),
}
assert set(GRID) <= set(NAMES) and all(getattr(HAND, n) in GRID[n] for n in GRID)
ROUNDS = 3
MIN_GAIN = 0.0002  # in mean F1: a move must gain this much (over 548 pages: one page gaining 0.1)
MAX_FALL = 0.001   # ... and lower no set, form and language by more than this (as a rule change)


def load_scorer(shared: Path):
    """../shared/tools/score.py as a module (its prf() is the metric)."""
    spec = importlib.util.spec_from_file_location("score", shared / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Page:
    set: str
    form: str
    stem: str
    lang: str
    with_title: bool
    lines: list[Line]
    title_hints: tuple[str, ...]
    paragraph_lines: bool
    gold: str


def load_pages(shared: Path, name: str, with_title: bool, forms=FORMS) -> list[Page]:
    """Every page of a set with a reference, in each form, decoded and split into lines."""
    pages = []
    for form in forms:
        for gold in sorted((shared / name / "gold").glob("*.gold.txt")):
            stem = gold.name[: -len(".gold.txt")]
            raw = shared / name / "raw" / f"{stem}.{form}"
            try:
                lines, _, _, hints = read_lines(Document(raw.read_bytes(), str(raw)))
            except (DecodeError, OSError):
                lines, hints = [], {}
            title_hints = tuple(h for h in (hints.get("h1"), hints.get("title"),
                                            meta.strip_site_suffix(hints.get("page_title", ""))) if h)
            pages.append(Page(name, form, stem, stem.split("_")[1], with_title, lines, title_hints,
                              bool(hints.get("paragraph_lines")), gold.read_text(encoding="utf-8")))
    return pages


def page_text(page: Page, weights: Weights) -> str:
    """What `mch clean` gives as the page's text (title + "\\n" + text for a set scored
    --with-title), as pipeline.clean_lines makes it, without the metadata and languages."""
    lines = page.lines
    classify(lines, builtin_patterns(), None, page.title_hints, weights)
    paragraphs: list[list[str]] = []
    title = ""
    for line in lines:
        if line.label == TITLE and not title:
            title = meta.strip_site_suffix(_TITLE_KEY.sub("", line.text) or line.text)
        if line.label not in KEPT_LABELS:
            continue
        if line.continues and paragraphs and not page.paragraph_lines:
            paragraphs[-1] += [_joint(paragraphs[-1][-1], line.text), line.text]
        else:
            paragraphs.append([line.text])
    text = "\n\n".join("".join(p) for p in paragraphs)
    return title + "\n" + text if page.with_title else text


def memoise_line_work() -> None:
    """The weights change how lines are weighed, never what a line is: classify's per-line work
    (features of a page's lines, byline test, pattern matches), most of its time, is remembered per text across
    the tries. Only in this process (a fit), and only pure functions of the text are wrapped."""
    from functools import lru_cache

    import mch_cli.classify as c
    if getattr(c, "_memoised", False):
        return
    c.features = lru_cache(maxsize=None)(c.features)
    plain_page_features = c.page_features
    page_features = lru_cache(maxsize=None)(lambda texts, keep: plain_page_features(list(texts), keep))
    c.page_features = lambda texts, keep_words=True: page_features(tuple(texts), keep_words)
    c.is_byline = lru_cache(maxsize=None)(c.is_byline)
    make_matcher = c.matcher

    class _Matches:
        def __init__(self, m):
            self.m, self.seen = m, {}

        def match_lines(self, texts, tokens):
            key = tuple(texts)
            if key not in self.seen:
                self.seen[key] = self.m.match_lines(texts, tokens)
            return self.seen[key]

    matchers: dict = {}
    c.matcher = lambda patterns: matchers.setdefault(patterns, _Matches(make_matcher(patterns)))
    c._memoised = True


# Worker state: the pages and the scorer, inherited on fork (or loaded once per worker).
_PAGES: list[Page] = []
_PRF = None


def _init(pages: list[Page], shared: str) -> None:
    global _PAGES, _PRF
    _PAGES, _PRF = pages, load_scorer(Path(shared)).prf


def _f1s(task: tuple[Weights, range]) -> list[float]:
    weights, indices = task
    return [_PRF(page_text(_PAGES[k], weights), _PAGES[k].gold)[2] for k in indices]


class Scorer:
    """Mean F1 of weights over the pages, on `jobs` processes."""

    def __init__(self, pages: list[Page], shared: Path, jobs: int):
        memoise_line_work()
        _init(pages, str(shared))
        self.pages, self.jobs = pages, jobs
        self.chunks = [range(k, len(pages), 4 * jobs) for k in range(4 * jobs)]
        self.pool = multiprocessing.get_context("fork").Pool(jobs) if jobs > 1 else None
        self.calls = 0

    def f1s(self, many: list[Weights]) -> list[list[float]]:
        """Per page F1 (in page order) of each of `many` weights."""
        tasks = [(w, chunk) for w in many for chunk in self.chunks]
        results = self.pool.map(_f1s, tasks) if self.pool else list(map(_f1s, tasks))
        self.calls += len(many)
        out = []
        for n in range(len(many)):
            f1 = [0.0] * len(self.pages)
            for chunk, values in zip(self.chunks, results[n * len(self.chunks): (n + 1) * len(self.chunks)]):
                for k, v in zip(chunk, values):
                    f1[k] = v
            out.append(f1)
        return out

    def means(self, many: list[Weights]) -> list[float]:
        return [statistics.fmean(f) for f in self.f1s(many)]

    def close(self) -> None:
        if self.pool:
            self.pool.close()
            self.pool.join()


def fit(pages: list[Page], scorer: Scorer, log=print) -> tuple[Weights, float, float]:
    """Coordinate search from the hand values: (best weights, their mean F1, the hand values').
    A try that lowers the mean F1 of any set, form and language (as "dev.txt zh") by more than
    MAX_FALL below the hand values' is not taken, whatever it gains elsewhere."""
    outside = sorted({p.set for p in pages} - set(FIT_SETS))
    if outside:  # dev-dragnet above all: see FIT_SETS
        raise ValueError(f"fit: pages of {outside}, which may not be fitted on")
    current = HAND
    hand_f1 = scorer.f1s([current])[0]
    floor = {g: v - MAX_FALL for g, v in breakdown(pages, hand_f1, digits=None).items()}
    hand_score = best = statistics.fmean(hand_f1)
    log(f"hand values: {best:.4f}")
    for round_ in range(1, ROUNDS + 1):
        moved = False
        for name in GRID:
            now = getattr(current, name)
            values = [v for v in GRID[name] if v != now]
            tried = scorer.f1s([current.replace(**{name: v}) for v in values])
            scores = [statistics.fmean(f1) if all(v >= floor[g] for g, v in breakdown(
                pages, f1, digits=None).items()) else float("-inf") for f1 in tried]
            top = max(scores)
            if top < best + MIN_GAIN:
                continue
            # the best value; of equals, the one nearest the current value
            value = min((v for v, s in zip(values, scores) if s == top), key=lambda v: abs(v - now))
            log(f"  round {round_}: {name} {now:g} → {value:g}: {best:.4f} → {top:.4f}")
            current, best, moved = current.replace(**{name: value}), top, True
        if not moved:
            break
    return current, best, hand_score


def breakdown(pages: list[Page], f1: list[float], digits: int | None = 4) -> dict[str, float]:
    """Mean F1 per set, form and language: {"dev.txt zh": …}."""
    groups: dict[str, list[float]] = {}
    for page, v in zip(pages, f1):
        groups.setdefault(f"{page.set}.{page.form} {page.lang}", []).append(v)
    return {k: statistics.fmean(v) if digits is None else round(statistics.fmean(v), digits)
            for k, v in sorted(groups.items())}


def load_fit_pages(shared: Path, exclude: tuple[str, ...] = ()) -> list[Page]:
    pages = []
    for name, with_title in FIT_SETS.items():
        if name not in exclude:
            pages += load_pages(shared, name, with_title)
    return pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--exclude", action="append", default=[], choices=sorted(FIT_SETS),
                    help="fit without this set (leave-one-set-out)")
    ap.add_argument("--out", default=str(ROOT / "mch_cli" / "data" / "weights.json"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--hand", action="store_true",
                    help="no search: write the hand values of settings.py, with their scores")
    args = ap.parse_args()
    shared = Path(args.shared)
    t0 = time.perf_counter()
    pages = load_fit_pages(shared, tuple(args.exclude))
    if not pages:
        print("fit: no pages (is --shared right?)")
        return 1
    sets = sorted({f"{p.set}.{p.form}" for p in pages})
    print(f"fit on {', '.join(sets)}: {len(pages)} pages, loaded in {time.perf_counter() - t0:.1f} s")
    scorer = Scorer(pages, shared, args.jobs)
    try:
        if args.hand:
            weights = HAND
            score = hand_score = statistics.fmean(scorer.f1s([HAND])[0])
        else:
            weights, score, hand_score = fit(pages, scorer)
        hand_f1, fitted_f1 = scorer.f1s([HAND, weights])
    finally:
        scorer.close()
    record = {
        "note": "Weights of the classifier's signals, fitted by benchmarks/fit.py (`make fit`); "
                "names and hand values: mch_cli/settings.py. Never fitted on dev-dragnet (AGPL).",
        "fitted_on": sets,
        "pages": len(pages),
        "objective": "mean token F1 over pages (tools/score.py; dev-daniel --with-title)",
        "score": {"hand": round(hand_score, 4), "fitted": round(score, 4)},
        "by_set": {k: {"hand": v, "fitted": breakdown(pages, fitted_f1)[k]}
                   for k, v in breakdown(pages, hand_f1).items()},
        "weights": weights.as_dict(),
    }
    Path(args.out).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    changed = {n: (getattr(HAND, n), getattr(weights, n)) for n in NAMES if getattr(HAND, n) != getattr(weights, n)}
    print(f"mean F1 {hand_score:.4f} (hand) → {score:.4f} (fitted); changed: "
          + (", ".join(f"{n} {a:g} → {b:g}" for n, (a, b) in changed.items()) or "none"))
    print(f"wrote {args.out} in {time.perf_counter() - t0:.0f} s ({scorer.calls} tries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
