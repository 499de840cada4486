"""Property-based fuzzing of the API from its own OpenAPI schema (schemathesis): whatever the
inputs, no 500, every status and body as the schema declares. Bounded and deterministic."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (the test extra)")

from apidata import build_database  # noqa: E402

from diplograph.api import create_app  # noqa: E402
from diplograph.settings import Options  # noqa: E402


def _app():  # type: ignore[no-untyped-def]
    import tempfile

    folder = tempfile.mkdtemp(prefix="diplograph-fuzz-")
    sample = build_database(f"{folder}/fuzz.sqlite")
    # a token is configured: writes are refused by the host rule (the ASGI test client is not loopback)
    return create_app(Options(db=sample.db, api_token="fuzz-token", api_max_body=100_000, jobs=1))


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())
schema.config.generation.update(max_examples=25, deterministic=True)
# A schema-valid request may still name something that does not exist or make no sense (an unknown
# country: 404; a pair of one party, a period that ends before it starts, a cursor this API did not
# make: 422). Those answers are correct, so the positive-data check accepts them; 5xx never is.
schema.config.checks.positive_data_acceptance.expected_statuses = ["2xx", "401", "403", "404", "413", "422"]


@schema.parametrize()
def test_api_conforms_to_its_schema(case) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate()
