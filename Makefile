# Two commands set everything up on a fresh Debian machine with Python 3.11:
#   make demo   read, clean and (as later stages land) extract the example articles
#   make test   run the test suite
# Both create .venv and install the project into it; re-running installs nothing new
# unless pyproject.toml changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA ?= ../shared/data

.PHONY: demo test venv clean quality

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres,web,export]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/clamor read examples/ --table

test: $(STAMP)
	CLAMOR_DATA=$(DATA) $(BIN)/python -m pytest -q

quality: $(STAMP)
	CLAMOR_DATA=$(DATA) $(BIN)/python benchmarks/quality.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
