"""Fixtures of the API tests: one hand-made database per session, a TestClient over it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from apidata import TOKEN, SampleData, build_database  # noqa: E402

from diplograph.settings import Options  # noqa: E402


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> SampleData:
    return build_database(str(tmp_path_factory.mktemp("api") / "api.sqlite"))


@pytest.fixture(scope="session")
def options(sample: SampleData) -> Options:
    return Options(db=sample.db, api_token=TOKEN, api_max_body=200_000, jobs=1)


@pytest.fixture(scope="session")
def app(options: Options):  # type: ignore[no-untyped-def]
    from diplograph.api import create_app

    return create_app(options)


@pytest.fixture(scope="session")
def client(app) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    # the TestClient's default peer name is not an address; use loopback like a local browser
    with TestClient(app, client=("127.0.0.1", 50000)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server(app):  # type: ignore[no-untyped-def]
    from apidata import LiveServer

    with LiveServer(app) as server:
        yield server
