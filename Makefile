# Two commands do everything on a fresh Debian 12 machine: `make demo` and `make test`.
SHELL := /bin/bash
PY := .venv/bin/python
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)
QM := programmakamer/i18n/programmakamer_nl.qm
PROFILE := out/profile
BENCH_SIZES ?= 10000 20000 100000

.PHONY: setup demo test lint format translations qgis package bench shot clean

setup:
	@scripts/bootstrap.sh
	@mkdir -p -m 700 $(XDG_RUNTIME_DIR)

$(QM): programmakamer/i18n/programmakamer_nl.ts
	lrelease -silent $< -qm $@ || /usr/lib/qt5/bin/lrelease -silent $< -qm $@

translations: setup $(QM)

demo: translations
	$(PY) scripts/demo.py out/demo

test: translations
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest tests

format: setup
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

package: translations
	$(PY) scripts/package.py dist

# QGIS desktop with the plugin linked into an isolated profile and the demo open.
qgis: demo
	$(PY) scripts/profile.py $(PROFILE)
	QT_QPA_PLATFORM= QGIS_CUSTOM_CONFIG_PATH=$(PROFILE) PYTHONPATH=$(CURDIR)/.venv/lib/python3.11/site-packages \
		qgis --profiles-path $(PROFILE) --noversioncheck out/demo/programme.qgz

# Screenshot of QGIS with the demo programme, for the README (Xvfb, 1920x1080).
shot: demo
	$(PY) scripts/profile.py $(PROFILE)
	SHOT=docs/qgis-demo.png SHOT_PROJECT=$(CURDIR)/out/demo/programme.qgz QT_QPA_PLATFORM= \
		PYTHONPATH=$(CURDIR)/.venv/lib/python3.11/site-packages \
		xvfb-run -a -s "-screen 0 1920x1080x24" qgis --profiles-path $(PROFILE) --nologo \
		--noversioncheck --code scripts/qgis_shot.py

bench: setup
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-bench.txt
	$(PY) benchmarks/run.py $(BENCH_SIZES)

clean:
	rm -rf out dist $(QM)
