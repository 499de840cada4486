"""Shared fixtures and the DIPLOGRAPH_REQUIRE_ALL rule: in CI a test that would skip for a
missing component (model, ../shared, PostgreSQL, chromium...) fails instead."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/postgres.py
REQUIRE_ALL = os.environ.get("DIPLOGRAPH_REQUIRE_ALL", "") not in ("", "0", "false", "no")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_skip: a skip that is a choice, not a missing component")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_ALL and report.skipped and item.get_closest_marker("allow_skip") is None:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"DIPLOGRAPH_REQUIRE_ALL is set, so this skip is a failure: {reason}"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared folder (../shared): evaluation and training data; skip when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent")
    return SHARED


@pytest.fixture(scope="session")
def seed_article(shared_dir: Path) -> str:
    path = shared_dir / "seed" / "article.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp_model():  # type: ignore[no-untyped-def]
    """The real spaCy model (integration tests)."""
    from diplograph.nlp import load_nlp
    from diplograph.settings import load_options

    nlp = load_nlp(load_options())
    if not nlp.pipe_names:
        pytest.skip("no trained spaCy model is installed")
    return nlp


@pytest.fixture(scope="session")
def postgres_cluster():  # type: ignore[no-untyped-def]
    """A throwaway PostgreSQL server for the session (skips when PostgreSQL is not installed)."""
    if os.environ.get("TEST_DATABASE_URL"):
        yield None
        return
    from postgres import postgres_server

    with postgres_server() as cluster:
        if cluster is None:
            pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
        yield cluster


def _new_postgres_database(cluster) -> str:  # type: ignore[no-untyped-def]
    if cluster is None:
        return os.environ["TEST_DATABASE_URL"]
    return cluster.create_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database location on each backend: one set of tests, both databases."""
    if request.param == "sqlite":
        return str(tmp_path / "test.sqlite")
    cluster = request.getfixturevalue("postgres_cluster")
    return _new_postgres_database(cluster)
