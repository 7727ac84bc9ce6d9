# Two commands do everything on a fresh Debian 12 machine: `make demo` and `make test`.
SHELL := /bin/bash
PY := .venv/bin/python
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)
QM := programmakamer/i18n/programmakamer_nl.qm
PROFILE := out/profile
BENCH_SIZES ?= 10000 20000 100000

.PHONY: setup demo test test-trixie lint format translations qgis package bench bench-postgis shot clean

setup:
	@scripts/bootstrap.sh
	@mkdir -p -m 700 $(XDG_RUNTIME_DIR)

$(QM): programmakamer/i18n/programmakamer_nl.ts
	lrelease -silent $< -qm $@ || /usr/lib/qt5/bin/lrelease -silent $< -qm $@

translations: setup $(QM)

demo: translations
	$(PY) scripts/demo.py out/demo

test: lint translations
	$(PY) -m pytest tests

# The test suite against the QGIS of Debian 13 (3.40) in a debootstrap chroot under out/trixie,
# as root: about 7 min to build the chroot once, then the tests alone. TRIXIE_ARGS go to pytest.
test-trixie:
	scripts/trixie_chroot.sh $(TRIXIE_ARGS)

# The hooks of .pre-commit-config.yaml (ruff, flake8-qgis, mypy, the Qt 6 check) over every
# file git knows or would add, so a new file is checked before its first commit.
lint: setup
	$(PY) -m pre_commit run --files $$(git ls-files --cached --others --exclude-standard)

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

# Screenshots of QGIS with the demo programme and the panel, for the README (Xvfb, 1920x1080).
# $(call SHOT_IN,profile) runs QGIS in that profile (the Dutch shots have a Dutch one).
SHOT_IN = QT_QPA_PLATFORM= PYTHONPATH=$(CURDIR)/.venv/lib/python3.11/site-packages \
	SHOT_PROJECT=$(CURDIR)/out/demo/programme.qgz xvfb-run -a -s "-screen 0 1920x1080x24" \
	qgis --profiles-path $(1) --nologo --noversioncheck --code scripts/qgis_shot.py
# Shots run in profiles of their own, made afresh: nothing of an earlier run (a layout left in
# presentation mode, a moved panel) changes how they look.
SHOT_PROFILE := out/shot-profile
SHOT_RUN = $(call SHOT_IN,$(SHOT_PROFILE))
shot: demo
	rm -rf $(SHOT_PROFILE) $(SHOT_PROFILE)-nl
	$(PY) scripts/profile.py $(SHOT_PROFILE)
	SHOT=docs/qgis-demo.png SHOT_DOCK=1 $(SHOT_RUN)
	SHOT=docs/qgis-findings.png SHOT_DOCK=1 SHOT_TAB=2 $(SHOT_RUN)
	SHOT=docs/qgis-timeline.png SHOT_DOCK=1 SHOT_TAB=3 SHOT_SEARCH=singel SHOT_YEAR=2028 $(SHOT_RUN)
	SHOT=docs/import-wizard.png SHOT_DOCK=1 SHOT_WIZARD=streets $(SHOT_RUN)
	$(PY) scripts/profile.py $(SHOT_PROFILE)-nl nl_NL
	SHOT=docs/import-wizard-nl.png SHOT_DOCK=1 SHOT_WIZARD=streets $(call SHOT_IN,$(SHOT_PROFILE)-nl)
	@# last: QGIS is stopped in presentation mode, and says so at its next start
	SHOT=docs/qgis-presentation.png SHOT_DOCK=1 SHOT_TAB=1 SHOT_PRESENTATION=1 $(SHOT_RUN)

bench: setup
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-bench.txt
	$(PY) benchmarks/run.py $(BENCH_SIZES)

# PostGIS against GeoPackage in one process, on a throw-away cluster
bench-postgis: setup
	pg_virtualenv -t $(PY) benchmarks/postgis.py 10000 100000 1000000
	pg_virtualenv -t $(PY) benchmarks/postgis_triggers.py 20000

clean:
	rm -rf out dist $(QM)
