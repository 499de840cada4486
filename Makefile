# The two commands of the README: `make demo` and `make test`. Both set up .venv first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB ?= demo.sqlite
PYTEST_ARGS ?=

.PHONY: install demo test lint bench screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# the bundled pip cannot resolve lxml[html_clean]; a current pip can (STACK-NOTES)
	$(BIN)/python -m pip install -q -U pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/diplograph ingest examples/news --db $(DEMO_DB)
	@echo; echo "== Vietnam's partners as of 2023-11-30 =="
	$(BIN)/diplograph partners VNM --as-of 2023-11-30 --db $(DEMO_DB)
	@echo; echo "== China's partners on the top rung of its ladder as of 2023-11-30 =="
	$(BIN)/diplograph partners CHN --as-of 2023-11-30 --rung 1 --db $(DEMO_DB)
	@echo; echo "== Japan-Vietnam timeline =="
	$(BIN)/diplograph timeline JPN VNM --db $(DEMO_DB)
	@echo; echo "== Check: Japan joins China, US, India as top-tier partners of Vietnam =="
	$(BIN)/diplograph check examples/claims/japan-joins-top-tier.txt --db $(DEMO_DB) --published 2023-11-28
	@echo; echo "== Web interface =="
	@echo "Run:  $(BIN)/diplograph serve --db $(DEMO_DB)"
	@echo "then open http://127.0.0.1:8000/country/VNM?as_of=2023-11-30 in a browser."

# saves docs/screenshots/{country,pair,events,document,changes,check}.png (needs /usr/bin/chromium)
screenshots: install
	test -f $(DEMO_DB) || $(BIN)/diplograph ingest examples/news --db $(DEMO_DB)
	$(BIN)/python tools/screenshots.py --db $(DEMO_DB) --output docs/screenshots

lint: install
	$(BIN)/ruff check src tests bench tools

test: install
	$(BIN)/ruff check src tests bench tools
	$(BIN)/diplograph reference check
	$(BIN)/python -m pytest -n 2 -q $(PYTEST_ARGS)

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info .pytest_cache .ruff_cache $(DEMO_DB)*
