# The two commands: `make align` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RAW    := data/raw
OUT    := data/aligned

.PHONY: align test venv bench-accuracy bench-speed clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Installed once per change of pyproject.toml (a stamp file remembers).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(VENV)/.installed $@

venv: $(VENV)/.installed

align: $(VENV)/.installed
	$(BIN)/aligner align $(RAW) -o $(OUT) --format tsv,tmx --force

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

bench-accuracy: $(VENV)/.installed-test
	$(BIN)/python bench/accuracy.py --markdown --two-pass

# HUNALIGN=/path/to/hunalign adds hunalign, from a binary you built yourself (not shipped).
bench-speed: $(VENV)/.installed-test
	$(BIN)/python -m pip install -q galechurch
	$(BIN)/python bench/speed.py $(if $(HUNALIGN),--hunalign $(HUNALIGN))

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
