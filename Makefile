# Fairmatch: `make demo` serves the reference demo conference; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: demo test lint format bench messages install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/fairmatch demo

test: install-test
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy src/fairmatch/conference/qualification src/fairmatch/scheduling/engine src/fairmatch/matching/engine src/fairmatch/exhibition/engine

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/fairmatch bench schedule
	$(BIN)/fairmatch bench schedule --scale
	$(BIN)/fairmatch bench matching

messages: install
	cd src/fairmatch && ../../$(BIN)/fairmatch makemessages -l zh_Hans -l ja -l ko --no-obsolete --add-location file --ignore 'scheduling/engine/*'
	cd src/fairmatch && ../../$(BIN)/fairmatch compilemessages -l zh_Hans -l ja -l ko

clean:
	rm -rf $(VENV) var
