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


# The routes whose handlers read the query themselves (stack, dose tools, vendor finder) and the
# rate-limited search: their parameters and errors are declared in evidex.web.openapi.
HAND_READ_PATHS = r"^/api/v1/(stack|tools/|vendors|search|suggest)"
# A well-formed request may still be refused for what it asks: a dose larger than the vial,
# a goal the library does not know (422, documented); the buckets are per client (429).
# These handlers forgive on purpose (an empty field of a shared link counts as absent, an
# unknown flag value as false), so out-of-schema input is not required to be refused.
HAND_READ_CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "negative_data_rejection": {"enabled": False},
            "positive_data_acceptance": {"expected-statuses": ["2XX", 404, 422, 429]},
        }
    }
)
hand_read = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(_DB), config=HAND_READ_CONFIG
).include(path_regex=HAND_READ_PATHS)


@hand_read.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_hand_read_routes_conform_to_their_documented_parameters(
    case: schemathesis.Case,
) -> None:
    response = case.call()
    assert response.status_code < 500, response.text
    case.validate_response(response)


def test_every_api_error_is_documented_as_the_detail_string_it_is() -> None:
    document = create_app(_DB).openapi()
    assert "HTTPValidationError" not in document["components"]["schemas"]
    for path, operations in document["paths"].items():
        if not path.startswith("/api/"):
            continue
        for method, operation in operations.items():
            error = operation["responses"]["422"]["content"]["application/json"]["schema"]
            assert error == {"$ref": "#/components/schemas/ErrorOut"}, (path, method)
    stack = {p["name"] for p in document["paths"]["/api/v1/stack"]["get"]["parameters"]}
    assert {"goal", "condition", "weight_kg", "check"} <= stack
    vendors = {p["name"] for p in document["paths"]["/api/v1/vendors"]["get"]["parameters"]}
    assert {"compound", "region", "sort"} <= vendors
    assert "429" in document["paths"]["/api/v1/search"]["get"]["responses"]
