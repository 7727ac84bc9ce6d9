"""A throw-away PostgreSQL cluster with PostGIS for the whole test session.

Under `pg_virtualenv` (PGHOST etc. set) the tests use that cluster; otherwise they start
one themselves through `pg_virtualenv -t` (in a temporary directory, also as root, so two
runs never meet) and drop it at the end. Only a machine without PostgreSQL skips them, and
says so loudly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
import warnings
from pathlib import Path

import pytest

READY = "PROGRAMMAKAMER-CLUSTER-READY"
DATABASE = "programmakamer_tests"
CONNECTION = "programmakamer tests"
SERVICE = "programmakamer_tests"


def _start_cluster(log: Path):
    """pg_virtualenv running a shell that writes its PG* settings and waits for stdin to
    close: the cluster lives as long as that shell. Its output goes to a file, not a pipe:
    a pipe closed at pytest's exit would kill pg_virtualenv before it drops the cluster."""
    with log.open("w") as output:
        process = subprocess.Popen(
            ["pg_virtualenv", "-t", "sh", "-c", 'env; echo "{}"; cat > /dev/null'.format(READY)],
            stdin=subprocess.PIPE,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        lines = log.read_text().splitlines()
        if READY in lines:
            settings = dict(line.partition("=")[::2] for line in lines if line.startswith("PG"))
            return process, settings
        time.sleep(0.2)
    _stop(process)
    raise RuntimeError("pg_virtualenv did not start a cluster:\n" + log.read_text())


def _stop(process) -> None:
    process.stdin.close()
    process.wait(timeout=60)


def _psql(command: str, database: str = "postgres") -> None:
    subprocess.run(
        ["psql", "-qX", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", command], check=True
    )


@pytest.fixture(scope="session")
def postgres_cluster(tmp_path_factory):
    """PG* settings of a running cluster with a database that has PostGIS."""
    process, before = None, dict(os.environ)
    if not os.environ.get("PGHOST"):
        if shutil.which("pg_virtualenv") is None:
            message = (
                "POSTGIS TESTS SKIPPED: this machine has no PostgreSQL (pg_virtualenv not "
                "found; install postgresql-15-postgis-3 from scripts/apt-packages.txt)"
            )
            warnings.warn(message, stacklevel=1)
            pytest.skip(message)
        process, settings = _start_cluster(tmp_path_factory.mktemp("cluster") / "log")
        os.environ.update(settings)
    try:
        yield _prepare(tmp_path_factory)
    finally:
        if process is not None:
            _stop(process)
        os.environ.clear()
        os.environ.update(before)


def _prepare(tmp_path_factory) -> dict:
    """The test database with PostGIS, and a pg_service.conf service that reaches it."""
    _psql("DROP DATABASE IF EXISTS {}".format(DATABASE))
    _psql("CREATE DATABASE {}".format(DATABASE))
    _psql("CREATE EXTENSION postgis", DATABASE)
    os.environ["PGDATABASE"] = DATABASE
    service_file = tmp_path_factory.mktemp("pg") / "pg_service.conf"
    service_file.write_text(
        "[{}]\nhost={}\nport={}\ndbname={}\nuser={}\npassword={}\n".format(
            SERVICE,
            os.environ["PGHOST"],
            os.environ["PGPORT"],
            DATABASE,
            os.environ["PGUSER"],
            os.environ["PGPASSWORD"],
        )
    )
    os.environ["PGSERVICEFILE"] = str(service_file)
    return dict(os.environ)


@pytest.fixture(scope="session")
def qgis_connection(postgres_cluster, qgis_app):
    """A PostgreSQL connection saved in QGIS's settings, as a user has one."""
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    uri = QgsDataSourceUri()
    uri.setConnection(
        os.environ["PGHOST"],
        os.environ["PGPORT"],
        DATABASE,
        os.environ["PGUSER"],
        os.environ["PGPASSWORD"],
    )
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), CONNECTION)
    yield CONNECTION
    metadata.deleteConnection(CONNECTION)


@pytest.fixture()
def schema_name():
    """A fresh schema name per test, with what a careless name may hold."""
    return "Programma {}'s".format(uuid.uuid4().hex[:8])


@pytest.fixture()
def pg_location(postgres_cluster, schema_name):
    from programmakamer.store import postgis

    location = postgis.location_of(schema_name, service=SERVICE)
    yield location
    postgis.drop_programme(location)
