"""Request limits that no single view should have to remember: body size and the expensive endpoints' rate.

Both answer before the request reaches a view, with a short message in Chinese and the status
a client can act on (413 Request Entity Too Large, 429 Too Many Requests with Retry-After).
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse


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
