"""The API as a client programs against it: /api/schema/ is valid OpenAPI 3 and every real response,
public or staff, success or error, is what it says; paging links walk every result once; /api/ is the
reference read off the same description."""

import re
from pathlib import Path

import pytest
from django.test import Client
from django.utils.html import strip_tags
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from documents.models import Policy, Target

pytestmark = pytest.mark.django_db
REPORTS = Path("fixtures/corpus/workreports/provinces-2025")


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """The seeds and three 2025 work reports (targets), imported once: these tests only read."""
    from django.core.management import call_command
    from django.db import transaction

    reports = [str(REPORTS / f"2025年{name}政府工作报告.docx") for name in ("广东省", "山东省", "上海市")]
    with django_db_blocker.unblock():
        with transaction.atomic():
            call_command("import_policies", "fixtures/seeds", *reports, quiet=True)
            yield
            transaction.set_rollback(True)


@pytest.fixture(scope="module")
def schema(archive, django_db_blocker):
    with django_db_blocker.unblock():
        response = Client().get("/api/schema/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    return response.json()


def body_schema(schema, path, method, status):
    """The response schema of one operation and status, as a standalone JSON Schema (refs kept)."""
    operation = schema["paths"][path][method]
    content = operation["responses"][str(status)]["content"]["application/json"]["schema"]
    return OAS31Validator({**content, "components": schema["components"]})


def conforms(schema, path, response, method="get"):
    """Validate a real response against the description of its operation and status."""
    assert response["Content-Type"].startswith("application/json")
    body_schema(schema, path, method, response.status_code).validate(response.json())
    return response.json()


def test_the_schema_is_valid_openapi_3_and_describes_every_public_endpoint(schema):
    validate(schema)  # raises on any violation of the OpenAPI 3.1 specification
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {"/api/policies/", "/api/policies/{pk}/", "/api/targets/", "/api/diffusion/",
                                    "/api/compare/"}
    search = schema["paths"]["/api/policies/"]["get"]
    parameters = {p["name"]: p for p in search["parameters"]}
    assert set(parameters) == {"q", "province", "city", "issuer", "year", "type", "sort", "page", "page_size", "debug"}
    # Read off the form that validates them: limits and choices are the form's.
    assert parameters["year"]["schema"] == {"type": "integer", "minimum": 1900, "maximum": 2100}
    assert parameters["sort"]["schema"]["enum"] == ["relevance", "newest", "oldest"]
    assert "政府工作报告" in parameters["type"]["schema"]["enum"]
    assert parameters["issuer"]["schema"] == {"type": "integer"}


def test_search_responses_conform_and_next_walks_every_result_once(client, schema):
    url, seen, pages = "/api/policies/?page_size=3", [], 0
    while url:
        body = conforms(schema, "/api/policies/", client.get(url))
        seen += [hit["id"] for hit in body["results"]]
        pages += 1
        url = body["next"]
        if pages == 1:
            assert body["previous"] is None
    assert pages == body["num_pages"] and body["next"] is None and body["previous"].endswith("page=%d" % (pages - 1))
    assert len(seen) == len(set(seen)) == body["count"] == Policy.objects.published().count()


def test_next_keeps_the_query_and_filters(client, schema):
    body = conforms(schema, "/api/policies/", client.get("/api/policies/", {"q": "數據", "page_size": 1}))
    assert body["count"] > 1
    following = conforms(schema, "/api/policies/", client.get(body["next"]))
    assert following["page"] == 2 and following["count"] == body["count"]
    assert following["results"][0]["id"] != body["results"][0]["id"]
    assert "<mark>" in following["results"][0]["snippets"][0] or following["results"][0]["matched_sections"]


def test_debug_gives_staff_the_plan_and_statements_and_the_public_nothing(staff_client, schema):
    body = conforms(schema, "/api/policies/", staff_client.get("/api/policies/", {"q": "數據", "debug": "1"}))
    debug = body["debug"]
    assert debug["matches"] == "sql" and "no index built" in debug["reason"]  # the public's page: no drafts
    assert any(step.startswith("counts:") for step in debug["steps"])
    assert any(step.startswith("ranking:") for step in debug["steps"])
    assert debug["statements"] and all(statement["ms"] >= 0 and statement["sql"] for statement in debug["statements"])
    public = conforms(schema, "/api/policies/", Client().get("/api/policies/", {"q": "數據", "debug": "1"}))
    assert "debug" not in public
    assert {key: value for key, value in body.items() if key != "debug"} == public  # the public's very page


def test_detail_conforms_for_the_public_and_for_staff(staff_client, schema):
    policy = Policy.objects.published().exclude(sections=None).first()
    public = conforms(schema, "/api/policies/{pk}/", Client().get(f"/api/policies/{policy.pk}/"))
    assert "quality_warnings" not in public and public["sections"] and public["text"] == policy.clean_text
    staff = conforms(schema, "/api/policies/{pk}/", staff_client.get(f"/api/policies/{policy.pk}/"))
    assert {**staff, "quality_warnings": None} == {**public, "quality_warnings": None}


def test_targets_conform_and_page(client, schema):
    body = conforms(schema, "/api/targets/", client.get("/api/targets/", {"indicator": "地区生产总值增长", "page_size": 2}))
    expected = Target.objects.filter(indicator="地区生产总值增长", rejected=False).count()
    assert body["count"] == expected > 2 and len(body["results"]) == 2 and body["next"] and body["previous"] is None
    last = conforms(schema, "/api/targets/", client.get(body["next"].replace("page=2", f"page={(expected + 1) // 2}")))
    assert last["next"] is None and last["results"]


def test_diffusion_and_compare_conform(client, schema):
    body = conforms(schema, "/api/diffusion/", client.get("/api/diffusion/", {"q": "数字经济", "type": "政府工作报告"}))
    assert body["rows"] and body["national"]["level"] == "national" and body["years"] == [2025]
    several = conforms(schema, "/api/diffusion/", client.get("/api/diffusion/?q=数据&q=发展&province=440000"))
    assert [term["q"] for term in several["terms"]] == ["数据", "发展"]
    assert {row["level"] for row in several["rows"]} <= {"own", "city"}
    compared = conforms(schema, "/api/compare/", client.get("/api/compare/", {"regions": "440000,370000"}))
    assert [region["code"] for region in compared["regions"]] == ["440000", "370000"] and compared["targets"]


@pytest.mark.parametrize("path, params, status", [
    ("/api/policies/", {"year": "abc"}, 400),
    ("/api/policies/", {"page": "0", "sort": "best"}, 400),
    ("/api/targets/", {"year": "20x"}, 400),
    ("/api/diffusion/", {"year_from": "20x"}, 400),
    ("/api/compare/", {"regions": "440000"}, 400),
    ("/api/policies/{pk}/", {}, 404),
])
def test_errors_have_one_shape_and_conform(client, schema, path, params, status):
    response = client.get(path.replace("{pk}", "999999"), params)
    assert response.status_code == status
    body = conforms(schema, path, response)
    assert body["error"] and isinstance(body["fields"], dict)
    if status == 400:
        assert set(body["fields"]) == set(params) and all(body["fields"].values())


def test_a_draft_is_404_for_the_public_and_visible_to_staff(staff_client, schema):
    policy = Policy.objects.published().first()
    Policy.objects.filter(pk=policy.pk).update(status=Policy.Status.DRAFT)
    assert conforms(schema, "/api/policies/{pk}/", Client().get(f"/api/policies/{policy.pk}/"))["fields"] == {}
    assert staff_client.get(f"/api/policies/{policy.pk}/").json()["id"] == policy.pk


def test_the_reference_page_documents_every_operation_with_examples(client, schema):
    response = client.get("/api/")
    assert response.status_code == 200
    html = response.content.decode()
    text = strip_tags(html)
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            assert f"{method.upper()} {path}" in text
            for parameter in operation.get("parameters", []):
                assert re.search(rf"<code>{re.escape(parameter['name'])}</code>", html)
    # Response fields, nested ones too, with their descriptions; and curl, Python and R for each.
    assert "results[].matched_sections[].url" in text and "results[].policy.title" in text
    assert "The policy&#x27;s page (absolute URL): cite this" in html
    assert text.count("curl -G") == 5 and text.count("library(jsonlite)") == 5 and "requests.get(" in text
    assert "/api/schema/" in text


def test_the_reference_samples_run_against_the_archive(client, schema):
    """The curl sample of each list, taken apart, asks for what the API answers with 200."""
    for path in ("/api/policies/", "/api/targets/"):
        sample = next(s for s in schema["paths"][path]["get"]["x-codeSamples"] if s["label"] == "curl")
        params = dict(re.findall(r"--data-urlencode '([^=]+)=([^']*)'", sample["source"]))
        assert params
        body = conforms(schema, path, client.get(path, params))
        assert body["count"] > 0


def test_every_other_refusal_under_api_has_the_error_shape_too(client, schema, settings):
    error = body_schema(schema, "/api/policies/", "get", 400)  # the one Error schema
    unknown = client.get("/api/nothing/")
    not_an_id = client.get("/api/policies/abc/")
    posted = client.post("/api/policies/", {"q": "数据"})
    too_big = client.post("/api/policies/", data=b"x", content_type="text/plain",
                          CONTENT_LENGTH=str(settings.UPLOAD_MAX_BYTES + 1))
    for response, status in ((unknown, 404), (not_an_id, 404), (posted, 405), (too_big, 413)):
        assert response.status_code == status and response["Content-Type"].startswith("application/json")
        error.validate(response.json())
    assert posted["Allow"] == "GET" and "GET" in posted.json()["error"]
    assert "上传内容过大" in too_big.json()["error"]  # the limit's own message, kept
    assert client.get("/nothing/")["Content-Type"].startswith("text/html")  # pages stay pages
