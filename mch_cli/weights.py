"""The weights the classifier weighs its signals with, fitted on data (`make fit`, benchmarks/fit.py).

data/weights.json holds the fitted numbers; a weight it lacks keeps its hand value from
settings.py. The file is read once, at import (json is loaded at start-up anyway: reading it
costs about 0.1 ms). `classify(..., weights=…)` and `Options(weights=…)` take other
weights, e.g. the ones fit.py tries."""
from __future__ import annotations

import json
import os
from collections import namedtuple

from . import settings


# The fitted weights: their hand values, with comments on what each does, are in settings.py.
NAMES = (
    # article region: the scores of the lines, the choice of the run
    "NEAR_PROSE_WEIGHT", "SHORT_LINE_COST", "NEAR_LINE_COST_PER_TOKEN", "BAD_LINE_COST",
    "FIRST_RUN_SHARE", "FIRST_RUN_MIN_SCORE", "SIGNED_RUN_MIN_SHARE",
    # headline choice
    "TITLE_SIGNED_BONUS", "TITLE_OVERLAP_BONUS", "TITLE_REPEATED_BONUS", "TITLE_HINT_BONUS", "TITLE_LENGTH_BONUS",
    "TITLE_SENTENCE_PENALTY", "TITLE_DISTANCE_PENALTY",
)


# A named tuple, not a dataclass: made at every start-up, it costs 0.15 ms against 1.4 ms.
class Weights(namedtuple("Weights", NAMES, defaults=[getattr(settings, name) for name in NAMES])):
    """The weights, by the names of their hand values in settings.py (the defaults)."""
    __slots__ = ()

    def replace(self, **changes: float) -> Weights:
        return self._replace(**changes)

    def as_dict(self) -> dict[str, float]:
        return dict(self._asdict())


HAND = Weights()  # the hand values of settings.py


def parse(data: dict) -> Weights:
    """Weights from weights.json's content: its "weights" object (unknown names are an error,
    missing ones keep their hand value)."""
    values = data.get("weights", {})
    unknown = set(values) - set(NAMES)
    if unknown:
        raise ValueError(f"weights.json: unknown weights {sorted(unknown)}")
    return Weights(**{name: float(value) for name, value in values.items()})


def load() -> Weights:
    """data/weights.json's weights; the hand values when there is no such file."""
    try:  # a plain open: importlib.resources would load zipfile and more at every start-up
        with open(os.path.join(os.path.dirname(__file__), "data", "weights.json"), encoding="utf-8") as f:
            return parse(json.load(f))
    except FileNotFoundError:
        return HAND


FITTED = load()  # what the classifier uses unless given other weights
