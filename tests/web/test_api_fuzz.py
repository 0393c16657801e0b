"""Property-based checks of the JSON API against its own OpenAPI document (schemathesis):
no generated request may produce a 5xx, and every response must match its declared schema."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

from hypothesis import HealthCheck, settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import schemathesis

from sample_db import write_sample_db

from evidex.web.app import create_app

OUR_PATHS = r"^/api/v1/(compounds|research|goals|meta)"

# Collection-time app: schemathesis needs the schema before fixtures exist.
_DB = write_sample_db(Path(tempfile.mkdtemp(prefix="evidex-fuzz-")) / "evidex.db")
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_DB)).include(
    path_regex=OUR_PATHS
)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, response.text
    case.validate_response(response)
