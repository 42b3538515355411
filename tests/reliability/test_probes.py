"""Every URL pattern probed from outside with the inputs that reach the database badly.

The routes come from the resolver, so a URL added later is probed too. Each slot of a route
and each parameter its view reads gets NUL bytes, integers past bigint, negative and zero numbers,
Arabic-Indic digits, broken UTF-8 escapes, long segments and `..`; headers, cookies and form
bodies get NUL. A NUL anywhere is a 400 before any view runs (documents.middleware); nothing
is ever a 500. Anonymous visitors probe the public pages, superuser and curator (editor) sessions the
admin, on the seeds.
"""

import json
import re
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models
from django.test import Client
from django.urls import URLResolver, get_resolver

from documents.api.views import SEARCH_PARAMETERS, TARGET_PARAMETERS
from tests.reliability.test_hostile_input import seeded  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

NUL_REFUSAL = "请求含有空字符"
ARABIC_INDIC_123 = "%D9%A1%D9%A2%D9%A3"  # ١٢٣: int() reads it, [0-9] does not
SLOT_VALUES = ["%00", "1%00", "9999999999999999999", "99999999999999999999999", "-1", "0", ARABIC_INDIC_123,
               "%ED%A0%80", "%C0%AF", "%FF", "x" * 3000, "..", "%2e%2e"]
# Fewer than in a slot: each costs a page render, and test_hostile_input.py probes the search parameters in depth.
QUERY_VALUES = ["%00", "a%00b", "99999999999999999999999", "-1", "0", ARABIC_INDIC_123, "%ED%A0%80"]
PUBLIC_PARAMETERS = sorted({*SEARCH_PARAMETERS, *TARGET_PARAMETERS, "script"})
ADMIN_PARAMETERS = ["q", "o", "p", "e", "all", "_to_field", "_popup", "_changelist_filters"]
AUTOCOMPLETE = "app_label=documents&model_name=policy&field_name=region"


def routes(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


ROUTES = sorted(set(routes()))
SLOT = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>([^)]*)\)|\(\[\^/\]\+\)|\.\*")


def admin_model(route):
    """The model an admin route belongs to, or None."""
    match = re.match(r"admin/(\w+)/(\w+)/", route)
    try:
        return apps.get_model(match[1], match[2]) if match else None
    except LookupError:
        return None


def valid_value(route, name, choices):
    """What a real link would put in a slot: an existing object's key, a listed choice."""
    if choices and re.fullmatch(r"[\w|]+", choices):
        return choices.split("|")[0]
    model = admin_model(route)
    if name in ("pk", "object_id", "id", None) and model is not None:
        first = model._default_manager.order_by("pk").first()
        return str(first.pk) if first else "1"
    if name in ("pk", "other"):
        from documents.models import Policy

        return str(Policy.objects.published().order_by("pk").first().pk)
    if name == "code":
        return "440000"
    return "1"


def fill(route, hostile=None):
    """The route as a path: every slot valid, or each slot in turn hostile (a list of paths)."""
    slots = list(SLOT.finditer(route))

    def build(bad_index):
        parts, end = [], 0
        for index, slot in enumerate(slots):
            parts.append(route[end:slot.start()])
            name = slot[1] or slot[2]
            parts.append(hostile if index == bad_index else valid_value(route, name, slot[3]))
            end = slot.end()
        parts.append(route[end:])
        return "/" + "".join(parts).replace("^", "").replace("$", "").replace("\\.", ".")

    if hostile is None:
        return build(None)
    return [build(index) for index in range(len(slots))]


def parameters(route):
    """The query parameters the route's view reads."""
    if not route.startswith("admin/"):
        return PUBLIC_PARAMETERS
    if route == "admin/autocomplete/":
        return ["term", "page", "app_label", "model_name", "field_name"]
    model = admin_model(route)
    names = list(ADMIN_PARAMETERS)
    if not route.endswith(f"{model._meta.model_name}/" if model else "/"):
        return ["_to_field", "_popup", "_changelist_filters"]  # the object views read only these
    if model is not None and model in admin.site._registry and route.endswith(f"{model._meta.model_name}/"):
        model_admin = admin.site._registry[model]
        for entry in model_admin.list_filter:
            field = entry[0] if isinstance(entry, tuple) else entry
            if isinstance(field, str):
                names += [f"{field}__exact", f"{field}__id__exact", f"{field}__code__exact", f"{field}__isnull"]
        # The date hierarchy's parameters, and the same lookups typed by hand on any date field.
        names += [f"{field.name}__{part}" for field in model._meta.get_fields()
                  if isinstance(field, (models.DateField, models.DateTimeField)) for part in ("year", "month", "day")]
    return names


def check(response, url, nul):
    status = response.status_code
    assert status < 500, (url, status, response.content[:500])
    body = response.content.decode("utf-8", "replace")
    assert "Traceback" not in body, url
    if nul:
        assert status == 400, (url, status)
        if url.startswith("/api/"):
            assert response["Content-Type"] == "application/json"
            assert json.loads(body)["error"].startswith(NUL_REFUSAL) and json.loads(body)["fields"] == {}
        else:
            assert body.startswith(NUL_REFUSAL), (url, body[:200])


@pytest.fixture(scope="module")
def users(seeded, django_db_blocker):
    from importlib import import_module

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    with django_db_blocker.unblock():
        # The groups as their data migration makes them (a flushing browser test may have removed them).
        import_module("documents.migrations.0004_curator_groups").create_groups(apps, None)
        model = get_user_model()
        root = model.objects.create_superuser("probe-root", "root@example.org", "pw-for-tests-only")
        editor = model.objects.create_user("probe-editor", "editor@example.org", "pw-for-tests-only", is_staff=True)
        editor.groups.set(Group.objects.filter(name="editor"))
        yield {"anonymous": None, "superuser": root, "curator": editor}


def client_for(users, who):
    client = Client(raise_request_exception=False)  # a 500 is a finding to report, with its URL
    if users[who] is not None:
        client.force_login(users[who])
    return client


def sessions(route):
    """Who probes a route: anonymous visitors the public pages and the login (the rest of the admin
    redirects them before reading anything), the superuser and a curator the admin."""
    if not route.startswith("admin/"):
        # Staff only see more rows on public pages (drafts); the parameters are parsed the same way.
        return ["anonymous"]
    return ["anonymous", "superuser", "curator"] if route == "admin/login/" else ["superuser", "curator"]


CASES = [pytest.param(route, who, id=f"{who}:/{route}") for route in ROUTES for who in sessions(route)]


@pytest.mark.parametrize(("route", "who"), CASES)
def test_hostile_path_slots_are_refused_never_a_server_error(users, route, who):
    client = client_for(users, who)
    valid = fill(route)
    check(client.get(valid), valid, nul=False)
    for value in SLOT_VALUES:
        for url in fill(route, value):
            check(client.get(url), url, nul="%00" in value)


@pytest.mark.parametrize(("route", "who"), [case for case in CASES if case.values[1] != "curator"])
def test_hostile_query_parameters_are_refused_never_a_server_error(users, route, who):
    client = client_for(users, who)
    base = fill(route)
    extra = f"&{AUTOCOMPLETE}" if route == "admin/autocomplete/" else ""
    for name in parameters(route):
        for value in QUERY_VALUES:
            url = f"{base}?{name}={value}{extra}"
            check(client.get(url), url, nul="%00" in value)


def test_the_route_list_covers_the_public_pages_the_api_and_the_admin():
    for route in ("regions/<str:code>/", "policies/<int:pk>/", "api/policies/<int:pk>/", "api/targets/",
                  "admin/autocomplete/", "admin/documents/policy/<path:object_id>/change/",
                  "admin/documents/importrecord/<int:pk>/review/"):
        assert route in ROUTES
    assert fill("regions/<str:code>/", "%00") == ["/regions/%00/"]
    assert fill("admin/documents/policy/^([^/]+)/history/([^/]+)/$", "x") == [
        f"/admin/documents/policy/x/history/{valid_value('admin/documents/policy/', None, None)}/",
        f"/admin/documents/policy/{valid_value('admin/documents/policy/', None, None)}/history/x/"]


@pytest.mark.parametrize("header", ["HTTP_COOKIE", "HTTP_ACCEPT_LANGUAGE", "HTTP_USER_AGENT", "HTTP_REFERER",
                                    "HTTP_X_FORWARDED_FOR", "HTTP_IF_NONE_MATCH"])
@pytest.mark.parametrize("url", ["/", "/regions/440000/", "/api/policies/", "/admin/login/"])
def test_a_nul_in_a_header_or_cookie_is_a_400(seeded, url, header):
    value = {"HTTP_COOKIE": "sessionid=abcdefgh\x00ijklmnop"}.get(header, "zh-hant\x00")
    check(Client(raise_request_exception=False).get(url, **{header: value}), url, nul=True)


def test_an_escaped_nul_in_the_session_cookie_is_a_400(seeded):
    # The cookie parser decodes the octal escape \000 inside a quoted value to a NUL.
    client = Client(raise_request_exception=False)
    check(client.get("/admin/", HTTP_COOKIE='sessionid="abcdefgh\\000ijklmnop"'), "/admin/", nul=True)


FORM_FIELD = re.compile(r'<(?:input|textarea|select)[^>]*\bname="([^"]+)"')


def form_pages(route):
    return route.startswith("admin/") and (route.endswith(("/add/", "/change/", "/delete/", "/import/", "/review/",
                                                           "/password/", "password_change/", "login/")))


@pytest.mark.parametrize(("route", "who"), [case for case in CASES if form_pages(case.values[0]) and case.values[1] != "curator"])
def test_a_nul_in_any_form_field_is_a_400_and_changes_nothing(users, route, who):
    from documents.models import Policy

    client = client_for(users, who)
    url = fill(route)
    page = client.get(url)
    # A page that offers no form (a delete the admin refuses) still gets a field posted.
    fields = sorted(set(FORM_FIELD.findall(page.content.decode("utf-8", "replace"))) - {"csrfmiddlewaretoken"})
    fields = fields or ["title"]
    before = Policy.objects.count()
    for name in fields:
        check(client.post(url, {"username": "probe-root", "password": "x", name: "数字经济\x00"}), url, nul=True)
    # Every field at once, and as a multipart body (the import form's encoding).
    everything = {name: "a\x00b" for name in fields}
    check(client.post(url, everything), url, nul=True)
    check(client.post(url, urlencode(everything), content_type="application/x-www-form-urlencoded"), url, nul=True)
    assert Policy.objects.count() == before


def test_a_nul_in_a_form_body_under_the_api_is_answered_in_the_error_shape(seeded):
    response = Client(raise_request_exception=False).post("/api/policies/", {"q": "数字\x00经济"})
    check(response, "/api/policies/", nul=True)


def test_uploaded_files_may_carry_nul_bytes(users):
    """A PDF or a UTF-16 text holds NUL bytes: only form fields are refused, not files."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(users, "superuser")
    upload = SimpleUploadedFile("通知.txt", "关于印发数字经济发展规划的通知".encode("utf-16"), content_type="text/plain")
    response = client.post("/admin/documents/importrecord/import/", {"files": [upload]})
    assert response.status_code < 500
    assert NUL_REFUSAL not in response.content.decode("utf-8", "replace")
