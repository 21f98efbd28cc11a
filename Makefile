# The two commands: `make run` starts the demo, `make test` runs every test.
# Both install what is missing first (scripts/setup.sh) and are quick when nothing is.

PY := .venv/bin/python

.PHONY: run test setup lint screenshots bench drill

run: setup
	$(PY) main.py demo

test: setup
	$(PY) -m ruff check kiosk tests scripts main.py
	$(PY) -m mypy kiosk
	$(PY) -m pytest -q

setup:
	@./scripts/setup.sh

screenshots: setup
	$(PY) main.py screenshots docs/screenshots

bench: setup
	$(PY) tests/bench/run_all.py

drill: setup
	$(PY) tests/drill/drill.py
