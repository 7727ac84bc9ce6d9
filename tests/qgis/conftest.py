"""Fixtures that build real programmes on disk with the plugin's own store."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsProject

from programmakamer.core.demo import generate_demo_city
from programmakamer.core.schema import CHALLENGES, NEIGHBOURHOODS, STREETS
from programmakamer.processing.provider import ProgrammakamerProvider
from programmakamer.store import programme as store

# QGIS keeps only a pointer to a provider made in Python: the object must outlive every
# test that runs an algorithm, or QGIS is left with a dangling provider.
_PROVIDER: dict[str, ProgrammakamerProvider] = {}


def ensure_provider() -> None:
    registry = QgsApplication.processingRegistry()
    if registry.providerById("programmakamer") is None:
        _PROVIDER["provider"] = ProgrammakamerProvider()
        registry.addProvider(_PROVIDER["provider"])


@pytest.fixture()
def without_provider():
    """No provider of ours for a test that loads the plugin, which registers its own (QGIS
    refuses a second one of an id); ours again after, for the tests that run algorithms."""
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("programmakamer")
    if existing is not None:
        registry.removeProvider(existing)
    yield
    ensure_provider()


@pytest.fixture()
def processing_run(qgis_processing):
    import processing

    ensure_provider()
    return processing.run


@pytest.fixture(scope="session")
def demo_city():
    return generate_demo_city()


@pytest.fixture()
def demo_programme(tmp_path, demo_city):
    """The demo city as a programme GeoPackage, horizons assigned."""
    path = tmp_path / "demo.gpkg"
    store.create_programme(
        path,
        demo_city.name,
        demo_city.municipality,
        demo_city.reference_year,
        stakeholders=demo_city.stakeholders,
    )
    store.write_records(path, STREETS, demo_city.streets)
    store.write_records(path, NEIGHBOURHOODS, demo_city.neighbourhoods)
    store.write_records(path, CHALLENGES, demo_city.challenges)
    store.write_works(path, demo_city.works)
    store.assign_horizons(path)
    return path


@pytest.fixture()
def project():
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


@pytest.fixture(autouse=True, scope="session")
def release_provider_before_qgis_exits():
    """Unregister our provider while QGIS still runs, not during its exit."""
    yield
    registry = QgsApplication.processingRegistry()
    if registry.providerById("programmakamer") is not None:
        registry.removeProvider("programmakamer")
    _PROVIDER.clear()


@pytest.fixture()
def dutch():
    """QGIS in Dutch for one test, as a Dutch user has it: the locale setting QGIS reads at
    start, the default QLocale, and the plugin's translation installed."""
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication, QLocale

    from programmakamer.translation import install_translator, language

    settings = QgsSettings()
    keys = ("locale/overrideFlag", "locale/userLocale")
    saved = {key: settings.value(key) for key in keys}
    before = QLocale()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "nl_NL")
    QLocale.setDefault(QLocale("nl_NL"))
    translator = install_translator()
    assert language() == "nl" and translator is not None, "run make translations"
    yield
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
