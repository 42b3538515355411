"""The facet registry (documents/search/facet_registry.py) drives every place that lists the facets:
the filter set, SearchParams, the API's parameters, schema and facets, the page's sidebar and chips."""

import re
from dataclasses import fields

import pytest

from documents.api.schemas import Facets
from documents.api.views import api
from documents.search.facet_registry import FACETS, NAMES
from documents.search.filters import PolicySearchFilter
from documents.search.service import SearchParams

NOT_FACETS = ("q", "sort", "page", "page_size")


def test_the_typed_declarations_name_every_registry_facet_in_its_order():
    assert [field.name for field in fields(SearchParams) if field.name not in NOT_FACETS] == list(NAMES)
    assert list(Facets.model_fields) == list(NAMES)
    assert list(PolicySearchFilter.base_filters) == list(NAMES)
    assert set(PolicySearchFilter().form.fields) == {*NAMES, *NOT_FACETS}


def test_the_api_reference_describes_every_registry_facet_as_a_parameter():
    operation = api.get_openapi_schema(path_prefix="/api")["paths"]["/api/policies/"]["get"]
    described = {parameter["name"]: parameter["description"] for parameter in operation["parameters"]}
    assert {facet.name: described.get(facet.name) for facet in FACETS} == {
        facet.name: facet.description for facet in FACETS
    }


def sidebar(html: str) -> list[str]:
    return re.findall(r'<h3 id="facet-(\w+)">', html)


@pytest.mark.django_db
def test_every_registry_facet_is_counted_filtered_and_shown(client, seeded):
    browse = client.get("/api/policies/").json()
    assert list(browse["facets"]) == list(NAMES)
    page = client.get("/policies/").content.decode()
    # Facets listed under another one's value (cities under a province) wait for it in the sidebar.
    assert sidebar(page) == [facet.name for facet in FACETS if not facet.within]
    description = re.search(r'<meta name="description" content="([^"]*)"', page).group(1)
    assert [facet.label for facet in FACETS if facet.label in description] == [facet.label for facet in FACETS]
    for facet in FACETS:
        items = browse["facets"][facet.name]
        assert items, f"the seeds hold no {facet.name}"
        first = items[0]
        chosen = client.get("/api/policies/", {facet.name: first["code"]}).json()
        assert chosen["count"] == first["count"], facet.name
        assert [item["code"] for item in chosen["facets"][facet.name] if item["selected"]] == [first["code"]]
        html = client.get("/policies/", {facet.name: first["code"]}).content.decode()
        assert f'<span class="chip-label">{facet.label}</span> {first["name"]} ' in html, facet.name
        if facet.within:  # once that one is chosen, this one is listed
            within = client.get("/policies/", {facet.within: chosen["facets"][facet.within][0]["code"]})
            assert facet.name in sidebar(within.content.decode())
