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
    from schemathesis.config import SchemathesisConfig

from sample_db import write_sample_db

from evidex.web.app import create_app

OUR_PATHS = r"^/api/v1/(compounds|research|goals|meta)"
# schemathesis' list of statuses that reject invalid input, plus 414: an oversized query string
# is refused by the request limits before any parameter is read
REJECTIONS = [400, 401, 403, 404, 405, 406, 409, 414, 415, 422, 428, 429]
CONFIG = SchemathesisConfig.from_dict(
    {"checks": {"negative_data_rejection": {"expected-statuses": REJECTIONS}}}
)

# Collection-time app: schemathesis needs the schema before fixtures exist.
_DB = write_sample_db(Path(tempfile.mkdtemp(prefix="evidex-fuzz-")) / "evidex.db")
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_DB), config=CONFIG).include(
    path_regex=OUR_PATHS
)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, response.text
    case.validate_response(response)


def test_an_oversized_query_is_a_documented_414() -> None:
    operation = schema["/api/v1/compounds"]["GET"]
    case = operation.Case(query={"goal": "x" * 5000})
    response = case.call()
    assert response.status_code == 414
    case.validate_response(response)
