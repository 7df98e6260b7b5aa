# Two commands set everything up on a fresh Debian machine with Python 3.11:
#   make demo   read the example articles, extract and store their events, list and export them
#   make test   run the test suite
# Both create .venv and install the project into it; re-running installs nothing new
# unless pyproject.toml changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA ?= ../shared/data
DEMO_DB := .demo/clamor.db

.PHONY: demo test venv clean quality gate

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres,web,export,distributed,dense]'
	touch $(STAMP)

venv: $(STAMP)

# The main job on the embedded default (SQLite): ingest is idempotent, so a second run
# stores nothing new and lists the same events.
demo: $(STAMP)
	mkdir -p $(dir $(DEMO_DB))
	$(BIN)/clamor ingest examples/ --db $(DEMO_DB)
	$(BIN)/clamor events --db $(DEMO_DB)
	$(BIN)/clamor export --db $(DEMO_DB) --format geojson -o .demo/events.geojson
	$(BIN)/clamor export --db $(DEMO_DB) --format acled-csv -o .demo/events.csv
	@echo "events stored in $(DEMO_DB); exported to .demo/events.geojson and .demo/events.csv"
	@echo "to run clamor yourself (as in README.md): source $(BIN)/activate, or call $(BIN)/clamor"
	@echo "to open the dashboard: $(BIN)/clamor serve --db $(DEMO_DB), then visit http://127.0.0.1:8000/"

# Debian's Chromium for the dashboard's browser tests is installed when missing (needs
# root; without it those tests skip with the reason).
test: $(STAMP)
	bash .ci/install-chromium.sh || echo "chromium not installed: the browser tests will skip" >&2
	CLAMOR_DATA=$(DATA) $(BIN)/python -m pytest -q

quality: $(STAMP)
	CLAMOR_DATA=$(DATA) $(BIN)/python benchmarks/quality.py

# The quality gate with a full live run (every dataset, every system): fails when any
# figure falls below its floor in benchmarks/floors.json. CI runs it after the tests.
gate: $(STAMP)
	CLAMOR_DATA=$(DATA) $(BIN)/python benchmarks/quality.py --check --full

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .demo
