"""The weights the classifier weighs its signals with, fitted on data (`make fit`, benchmarks/fit.py).

data/weights.json holds the fitted numbers; a weight it lacks keeps its hand value from
settings.py. The file is read once, at import (json is already loaded at start-up: it costs
a few tens of microseconds). `classify(..., weights=…)` and `Options(weights=…)` take other
weights, e.g. the ones fit.py tries."""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from importlib import resources

from . import settings


@dataclass(frozen=True, slots=True)
class Weights:
    """Field names are those of the hand values in settings.py, whose comments say what each does."""
    # article region (the scores of the lines, the choice of the run)
    NEAR_PROSE_WEIGHT: float = settings.NEAR_PROSE_WEIGHT
    SHORT_LINE_COST: float = settings.SHORT_LINE_COST
    NEAR_LINE_COST_PER_TOKEN: float = settings.NEAR_LINE_COST_PER_TOKEN
    BAD_LINE_COST: float = settings.BAD_LINE_COST
    FIRST_RUN_SHARE: float = settings.FIRST_RUN_SHARE
    FIRST_RUN_MIN_SCORE: float = settings.FIRST_RUN_MIN_SCORE
    # headline choice
    TITLE_SIGNED_BONUS: float = settings.TITLE_SIGNED_BONUS
    TITLE_REPEATED_BONUS: float = settings.TITLE_REPEATED_BONUS
    TITLE_HINT_BONUS: float = settings.TITLE_HINT_BONUS
    TITLE_LENGTH_BONUS: float = settings.TITLE_LENGTH_BONUS
    TITLE_SENTENCE_PENALTY: float = settings.TITLE_SENTENCE_PENALTY
    TITLE_DISTANCE_PENALTY: float = settings.TITLE_DISTANCE_PENALTY

    def replace(self, **changes: float) -> Weights:
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in NAMES}


NAMES = tuple(f.name for f in dataclasses.fields(Weights))
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
    try:
        text = resources.files("mch_cli").joinpath("data/weights.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return HAND
    return parse(json.loads(text))


FITTED = load()  # what the classifier uses unless given other weights
