"""One error shape under /api/, whatever answers: Django's 404 for an unknown path, ninja's 405,
the request limits' 413 and 429. A response that is already JSON (the views', the outage 503's)
passes as it is; headers such as Retry-After and Allow are kept."""

from documents.api.views import error_response

API_PREFIX = "/api/"
MESSAGES = {
    400: "请求无效。",
    404: "没有这个接口：请看 /api/ 的接口列表。",
    405: "这个接口只支持 GET。",
    413: "请求内容过大。",
    429: "请求过于频繁，请稍后再试。",
}
KEPT_HEADERS = ("Retry-After", "Allow")


class ApiErrorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (request.path_info.startswith(API_PREFIX) and response.status_code >= 400
                and not response.get("Content-Type", "").startswith("application/json")):
            return self.as_json(response)
        return response

    @staticmethod
    def as_json(response):
        # The request limits' plain-text refusals already say what to do; an HTML page does not travel.
        plain = response.get("Content-Type", "").startswith("text/plain") and not response.streaming
        text = response.content.decode("utf-8", "replace").strip() if plain else ""
        message = text or MESSAGES.get(response.status_code, "请求未能完成。")
        converted = error_response(message, response.status_code)
        for header in KEPT_HEADERS:
            if header in response:
                converted[header] = response[header]
        return converted
