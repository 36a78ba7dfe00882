# Quick start: `make demo` converts the bundled sample; `make test` runs the test suite.
# Both create the virtual environment in .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RUNTIME := $(VENV)/.runtime

.PHONY: setup demo test lint bench bench-quick bench-batch screenshot fuzz coverage clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP) $(RUNTIME)

# The runtime alone (what `make demo` needs): no test tools, no Arelle.
$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

setup: $(STAMP)

demo: $(RUNTIME)
	$(BIN)/xbrl-export convert examples/qifu-2024q4.txt -o out
	@echo "outputs in out/: instance .xml, .jsonld, xBRL-JSON .json, xBRL-CSV .csv.json and"
	@echo "  -*.csv, Inline XBRL .xhtml, schema .xsd, report, review page .review.html, taxonomy/"

# ruff, then the types of exporter/ (mypy, strict: see [tool.mypy] in pyproject.toml)
lint: $(STAMP)
	$(BIN)/ruff check exporter tests bench
	$(BIN)/ruff format --check exporter tests bench
	$(BIN)/mypy

test: $(STAMP) lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/convert.py

# one release from the command line, whole processes: xbrl-export against arelleCmdLine
bench-quick: $(STAMP)
	$(BIN)/python bench/quick.py

# Long local fuzzing (the tests run a short, fixed budget): FUZZ_SECONDS per target from
# libFuzzer seed FUZZ_SEED; prints each target's coverage and keeps what it found (new
# coverage, crashes) in fuzz/corpus/, for the tests to replay. Commit what it adds.
FUZZ_SECONDS ?= 120
FUZZ_SEED ?= 1
fuzz: $(STAMP)
	$(BIN)/python fuzz/run_all.py --seconds $(FUZZ_SECONDS) --runs 1000000000 --seed $(FUZZ_SEED) --grow

# batch conversion of DOCS generated releases with --jobs 1 and 2 (see docs/testing.md)
DOCS ?= 200
bench-batch: $(STAMP)
	$(BIN)/python bench/batch.py --docs $(DOCS)

# The README's picture of the sample's income statement, as Debian's chromium renders the
# Inline XBRL page (apt-get install chromium).
screenshot: $(STAMP)
	$(BIN)/xbrl-export convert examples/qifu-2024q4.txt -o out --format ixbrl -q
	$(BIN)/python tests/browser.py out/qifu-2024q4.xhtml docs/income-statement.png

clean:
	rm -rf out build dist .pytest_cache .ruff_cache

# What became of every table number of every corpus release (see bench/coverage.py).
coverage: $(STAMP)
	$(BIN)/python bench/coverage.py
