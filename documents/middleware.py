"""What no single view should have to remember: request limits, hostile characters, a lost database.

Each answers before (or instead of) a view, with a short message in Chinese and the status a client
can act on: 413 for an oversized body, 429 with Retry-After for too many exports, 400 for a NUL
character anywhere in the request (and two admin inputs that crash library views), 503 with Retry-After while PostgreSQL is unreachable.
"""

import re
import sys
import time
from urllib.parse import unquote_to_bytes

from django.apps import apps
from django.conf import settings
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.core.cache import cache
from django.core.signals import got_request_exception
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.utils import translation

from documents.api.errors import API_PREFIX
from documents.api.views import error_response


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or the address a trusted proxy appended to X-Forwarded-For."""
    if settings.TRUSTED_PROXY_COUNT:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= settings.TRUSTED_PROXY_COUNT:
            return forwarded[-settings.TRUSTED_PROXY_COUNT]
    return request.META.get("REMOTE_ADDR", "")


def plain(message: str, status: int, **headers) -> HttpResponse:
    response = HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8", headers=headers)
    return response


class RequestLimitsMiddleware:
    """Refuse oversized bodies (settings.UPLOAD_MAX_BYTES) and throttle exports and feeds per client.

    The rate limit is a fixed window of settings.EXPENSIVE_RATE_WINDOW seconds counted in the
    default cache; EXPENSIVE_RATE_LIMIT requests per client per window, 0 switches it off.
    With a per-process cache (the default LocMemCache) each server worker counts on its own,
    so the effective limit is workers × the setting; a shared cache makes it exact.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = request.META.get("CONTENT_LENGTH") or "0"
        limit = settings.UPLOAD_MAX_BYTES
        if not length.isdigit():
            return plain("请求的 Content-Length 无效。", 400)
        if int(length) > limit:
            return plain(f"上传内容过大：上限为 {limit // (1024 * 1024)} MB（{limit} 字节）。", 413)
        if self.is_expensive(request.path) and self.over_rate(request):
            window = settings.EXPENSIVE_RATE_WINDOW
            return plain(
                f"导出与订阅请求过于频繁：每个客户端每 {window} 秒最多 {settings.EXPENSIVE_RATE_LIMIT} 次，请稍后再试。",
                429, **{"Retry-After": str(window)},
            )
        return self.get_response(request)

    @staticmethod
    def is_expensive(path: str) -> bool:
        return path.startswith("/feeds/") or ("/export." in path and path.startswith("/policies/"))

    @staticmethod
    def over_rate(request) -> bool:
        limit = settings.EXPENSIVE_RATE_LIMIT
        if not limit:
            return False
        window = settings.EXPENSIVE_RATE_WINDOW
        key = f"rate:expensive:{client_address(request)}:{int(time.time() // window)}"
        # add() is atomic in every cache backend: the first request of a window creates the counter.
        if cache.add(key, 1, window):
            return False
        try:
            return cache.incr(key) > limit
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, window)
            return False


# Characters PostgreSQL cannot store or compare in text: refused whole rather than per view and field.
NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# The admin's date hierarchy turns these into datetime() and a `created__year` filter into a date range:
# past a C long that is an OverflowError, year 0 a ValueError, both a 500.
DATE_PART = re.compile(r"__(?:year|month|day)$")
# django-simple-history's history views hand the object id to the database unchecked (a ValueError, a 500).
ADMIN_HISTORY = re.compile(r"^/admin/(?P<app>\w+)/(?P<model>\w+)/(?P<id>[^/]+)/history/(?:(?P<version>[^/]+)/)?$")


def carries_nul(request) -> bool:
    """A NUL in the path, the query string (raw or percent-escaped), a header, a cookie or a form field.

    Uploaded files are left alone: a PDF or a GBK text may hold NUL bytes legitimately.
    """
    if NUL in request.path_info or b"\x00" in unquote_to_bytes(request.META.get("QUERY_STRING", "")):
        return True
    if any(NUL in value for key, value in request.META.items() if key.startswith("HTTP_") and isinstance(value, str)):
        return True
    if any(NUL in key or NUL in value for key, value in request.COOKIES.items()):  # "\000" escapes decode to NUL
        return True
    if request.method == "POST" and request.content_type in FORM_TYPES:
        return any(NUL in key or any(NUL in value for value in values) for key, values in request.POST.lists())
    return False


def bad_admin_date(request) -> bool:
    return request.path_info.startswith("/admin/") and any(
        DATE_PART.search(key) and not (value.isascii() and value.isdigit() and len(value) <= 4 and int(value) > 0)
        for key, value in request.GET.items()
    )


def unknown_history_object(request) -> bool:
    """An admin history URL whose object id cannot be a key of its model, or whose version id is no number."""
    match = ADMIN_HISTORY.match(request.path_info)
    if not match:
        return False
    try:
        model = apps.get_model(match["app"], match["model"])
    except LookupError:
        return False
    try:
        model._meta.pk.to_python(unquote(match["id"]))
    except ValidationError:
        return True
    # history_id is a bigint AutoField in django-simple-history.
    version = match["version"]
    return version is not None and not (version.isascii() and version.isdigit() and len(version) <= 18)


class HostileInputMiddleware:
    """Refuse, before any view, session or login lookup runs, what would reach the database as a 500.

    A NUL character anywhere (400): PostgreSQL cannot take it ("A string literal cannot contain NUL").
    Admin date parameters (`…__year`, `…__month`, `…__day`) that are not 1 to 9999 (400), and admin history URLs
    whose id cannot be the model's key (404): two library views that let them through unchecked.
    Under /api/ each refusal becomes the JSON error shape (documents.api.errors).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_nul(request):
            return plain("请求含有空字符（NUL, %00），无法处理：请去掉后重试。", 400)
        if bad_admin_date(request):
            return plain("日期参数无效：年、月、日应为 1 到 9999 之间的数字。", 400)
        if unknown_history_object(request):
            return plain("没有这个对象：编号无效。", 404)
        return self.get_response(request)


# How long a client should wait before asking again while the database is unreachable.
OUTAGE_RETRY_AFTER = 30
OUTAGE_MESSAGES = {
    "zh-hans": "数据库暂时无法连接，档案暂停服务：请 {seconds} 秒后再试。",
    "zh-hant": "資料庫暫時無法連線，檔案暫停服務：請 {seconds} 秒後再試。",
}


def note_database_outage(sender, request=None, **kwargs):
    """got_request_exception receiver: mark the request whose handling lost the database.

    Django turns an exception into a 500 at the layer that raised it, so a middleware outside
    sessions, authentication and axes never sees their exceptions, only the 500; the mark says why.
    """
    if request is not None and isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        request.database_unreachable = True


got_request_exception.connect(note_database_outage, dispatch_uid="documents.middleware.note_database_outage")


class DatabaseOutageMiddleware:
    """While PostgreSQL is unreachable, answer 503 with Retry-After and a message in the page's language.

    One path for every layer: whatever raises (a view, a template, sessions, authentication, axes),
    Django makes its 500 and note_database_outage marks the request; this middleware, outside every
    layer that reads the database, swaps that 500 for the 503. Under /api/ the answer is the JSON
    error shape. Recovery needs nothing here: Django drops a connection that failed and opens a new one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "database_unreachable", False):
            return self.outage(request)
        return response

    @staticmethod
    def outage(request):
        language = translation.get_language_from_request(request)
        message = OUTAGE_MESSAGES.get(language, OUTAGE_MESSAGES[settings.LANGUAGE_CODE]).format(
            seconds=OUTAGE_RETRY_AFTER)
        headers = {"Retry-After": str(OUTAGE_RETRY_AFTER), "Content-Language": language}
        if request.path_info.startswith(API_PREFIX):
            response = error_response(message, 503)
            for name, value in headers.items():
                response[name] = value
            return response
        return plain(message, 503, **headers)
