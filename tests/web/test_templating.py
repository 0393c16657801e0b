"""The pages' Jinja environment reads fields exactly as Jinja's own does."""

from __future__ import annotations

import pytest
from jinja2 import Environment

from evidex.web.templating import Site, make_environment

# (template, context): a dict's key, a key a dict method shadows, a missing key, a key set to
# None, a nested dict, a dict subclass and an object's attribute
CASES = [
    ("{{ d.title }}", {"d": {"title": "Semaglutide"}}),
    ("{{ d.items is callable }}|{{ d['items'] }}", {"d": {"items": "a key, not the method"}}),
    ("{{ d.get('x', 'default') }}", {"d": {"get": "shadowed"}}),
    ("[{{ d.missing }}]{{ d.missing is defined }}", {"d": {"title": "x"}}),
    ("{{ d.value is none }}", {"d": {"value": None}}),
    ("{{ d.a.b }}", {"d": {"a": {"b": "nested"}}}),
    ("{{ d.title }}|{{ d.copy is callable }}", {"d": type("Doc", (dict,), {})(title="sub")}),
    ("{{ s.base_path }}|{{ s.missing is defined }}", {"s": Site(base_path="/evidex")}),
    ("{{ n.real }}", {"n": 3}),
]


@pytest.mark.parametrize(("template", "context"), CASES)
def test_fields_read_as_jinja_reads_them(template: str, context: dict[str, object]) -> None:
    stock = Environment(autoescape=True).from_string(template).render(context)
    ours = make_environment(Site()).from_string(template).render(context)
    assert ours == stock
