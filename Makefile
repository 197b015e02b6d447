# Two entry points that work on a fresh machine with Python 3.11, git and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BOOTSTRAP := $(VENV)/.bootstrapped-1
NOX := $(VENV)/bin/nox

.PHONY: demo test lint generate contract bench services

$(BOOTSTRAP):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check "nox==2026.10.20" "uv==0.13.9"
	touch $@

demo: $(BOOTSTRAP)
	$(NOX) -s demo

test: $(BOOTSTRAP) services
	$(NOX) -s tests

lint: $(BOOTSTRAP)
	$(NOX) -s lint

generate: $(BOOTSTRAP)
	$(NOX) -s generate

contract: $(BOOTSTRAP)
	$(NOX) -s contract

bench: $(BOOTSTRAP) services
	$(NOX) -s bench

services:
	@bash tools/ensure-services.sh
