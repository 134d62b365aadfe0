# The two commands of the README: `make run` (the demo app) and `make test` (everything CI runs).
.PHONY: run test lint typecheck pytest translations bench soak clean screenshots bundle deb

VENV := .venv
PY := $(VENV)/bin/python

run:
	scripts/setup.sh run
	$(VENV)/bin/venue-client --demo

test:
	scripts/setup.sh test
	$(MAKE) --no-print-directory lint typecheck pytest

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck:
	$(VENV)/bin/mypy

pytest:
	$(PY) -m pytest -q

# Rebuild the .qm catalogues from the .ts sources (run after editing user-visible text:
# `make translations` also refreshes the .ts files from the code with pyside6-lupdate).
translations:
	$(PY) scripts/build_translations.py --update

bench:
	$(PY) -m pytest -q -s tests/bench -p no:cacheprovider --override-ini addopts=

# The sync fault-injection soak at full size (2,000 events, SIGKILLed relays);
# `make test` runs it with 300 events.
soak:
	VENUE_SOAK_EVENTS=2000 $(PY) -m pytest -q tests/integration/sync/test_soak.py -p no:cacheprovider

screenshots:
	$(PY) scripts/screenshots.py docs/screenshots

# One-folder PyInstaller bundle in dist/venue-client/, smoke-tested (docs/packaging.md).
bundle:
	scripts/setup.sh run
	installers/build.sh

# Debian package from the bundle, then unpacked and smoke-tested.
deb: bundle
	installers/debian/build-deb.sh --check

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
