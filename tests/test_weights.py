"""The fitted weights (data/weights.json) and classify() given other weights."""
import json
from importlib import resources

import pytest

from mch_cli import Options, clean_text
from mch_cli import weights as W
from mch_cli.classify import classify
from mch_cli.article import BODY
from mch_cli.patterns import builtin_patterns
from mch_cli.pipeline import split_lines


def test_weights_json_has_every_weight_as_a_number():
    data = json.loads(resources.files("mch_cli").joinpath("data/weights.json").read_text(encoding="utf-8"))
    values = data["weights"]
    assert set(values) == set(W.NAMES)
    for name, value in values.items():
        assert isinstance(value, (int, float)) and not isinstance(value, bool), name
        assert 0 <= value < 1000, name
    assert 0 < values["FIRST_RUN_SHARE"] <= 1
    assert data["fitted_on"] and not any("dragnet" in s for s in data["fitted_on"])
    assert 0 < data["score"]["fitted"] <= 1
    assert W.FITTED == W.parse(data)


def test_missing_weights_keep_their_hand_value_and_unknown_ones_are_refused():
    assert W.parse({"weights": {"BAD_LINE_COST": 12}}) == W.HAND.replace(BAD_LINE_COST=12.0)
    with pytest.raises(ValueError):
        W.parse({"weights": {"NO_SUCH_WEIGHT": 1.0}})


# An invented page: two paragraphs of prose with two lines of chrome (no article-ending line) between them.
PAGE = """Site Home | World | Business | Sport | Weather
The river authority opened the new flood barrier on Friday, after four years of work and two delays caused by the winter storms.
Share | Tweet | Email | Print
Home | Local | Traffic | Schools | Events
Engineers say the barrier will protect about twelve thousand homes along the lower valley, and it can be raised in under an hour.
"""


def _body(weights):
    lines = split_lines(PAGE)
    classify(lines, builtin_patterns(), weights=weights)
    return [line.text[:12] for line in lines if line.label == BODY]


def test_the_cost_of_a_chrome_line_decides_whether_it_splits_the_article():
    both = ["The river au", "Engineers sa"]
    assert _body(W.HAND.replace(BAD_LINE_COST=1.0)) == both  # cheap chrome: one article around it
    assert _body(W.HAND.replace(BAD_LINE_COST=500.0)) == both[:1]  # dear chrome: the first run alone


def test_options_carry_weights_to_the_pipeline():
    dear = Options(weights=W.HAND.replace(BAD_LINE_COST=500.0))
    assert "Engineers" in clean_text(PAGE, options=Options(weights=W.HAND.replace(BAD_LINE_COST=1.0))).text
    assert "Engineers" not in clean_text(PAGE, options=dear).text


def test_the_fit_refuses_pages_of_dev_dragnet(monkeypatch):
    """dev-dragnet is AGPL data: nothing fitted on it may ship (benchmarks/fit.py)."""
    import importlib.util
    import sys
    from pathlib import Path
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "fit.py"
    spec = importlib.util.spec_from_file_location("fit_for_test", path)
    fit = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "fit_for_test", fit)  # its dataclass looks itself up there
    spec.loader.exec_module(fit)
    assert "dev-dragnet" not in fit.FIT_SETS
    page = fit.Page("dev-dragnet", "txt", "x_en", "en", True, split_lines(PAGE), (), False, "gold")
    with pytest.raises(ValueError):
        fit.fit([page], scorer=None)
