# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
SEED   := seeds/001_519edece9128d60e.txt

.PHONY: run test eval eval-wrapped fit bench fuzz clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Re-install only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/mch clean seeds/
	@printf '\n\f\n'
	$(BIN)/mch show $(SEED)

test: $(VENV)/.installed
	$(BIN)/python -m pytest -q

# Main-text quality on all three shared sets, .txt and .html, the issue's targets and the
# leave-one-set-out figures of the fitted weights (only where ../shared is present; ~4 min).
eval: $(VENV)/.installed
	@test -d $(SHARED)/dev || { echo "make eval: $(SHARED)/dev not found"; exit 1; }
	$(BIN)/python benchmarks/eval.py --shared $(SHARED) --readme README.md

# The same sets hard-wrapped by hand (English at 78 columns, Chinese every 36 characters), beside
# them as dumped: what wrapping still costs (~1 min).
eval-wrapped: $(VENV)/.installed
	@test -d $(SHARED)/dev || { echo "make eval-wrapped: $(SHARED)/dev not found"; exit 1; }
	$(BIN)/python benchmarks/wrapped.py --shared $(SHARED)

# Re-fit the classifier's weights on ../shared/dev and dev-daniel (never dev-dragnet: AGPL) and
# write mch_cli/data/weights.json (~3 min on 2 cores).
fit: $(VENV)/.installed
	@test -d $(SHARED)/dev || { echo "make fit: $(SHARED)/dev not found"; exit 1; }
	$(BIN)/python benchmarks/fit.py --shared $(SHARED)

# Speed, measured against the anchors in the same run (needs ../shared for its corpus), and the
# memory of one big page (benchmarks/big_page.py, 50 MB: about a minute): BIG_PAGE_MB=5 for a quick
# run, BIG_PAGE_MB=0 to skip it.
BIG_PAGE_MB ?= 50
bench: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	$(BIN)/python benchmarks/bench.py --shared $(SHARED) --readme README.md
	$(BIN)/python benchmarks/segment_bench.py --shared $(SHARED)
	$(BIN)/python benchmarks/decode_bench.py --shared $(SHARED)
	@if [ "$(BIG_PAGE_MB)" != 0 ]; then \
		$(BIN)/python benchmarks/big_page.py --shared $(SHARED) --mb $(BIG_PAGE_MB) --readme README.md; fi

# Hostile inputs (random bytes, shuffled and corrupted seed lines, random Unicode, broken HTML)
# through the library and the real CLI: fails on any crash. FUZZ_INPUTS=2000, FUZZ_SEED=123.
FUZZ_INPUTS ?= 600
fuzz: $(VENV)/.installed
	$(BIN)/python tests/fuzz.py --inputs $(FUZZ_INPUTS) $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))

clean-venv:
	rm -rf $(VENV)
