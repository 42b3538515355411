"""What "never unescaped output" means for a page: no element or attribute that the site did not write itself."""

from html.parser import HTMLParser

# The only scripts a page may load: the site's own static files.
ALLOWED_SCRIPT_PREFIX = "/static/"


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event handler")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                ("javascript:", "data:text/html")
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "style":
                self.problems.append(f"<{tag} style=…> inline style")
        if tag == "script" and not (dict(attrs).get("src") or "").startswith(ALLOWED_SCRIPT_PREFIX):
            self.problems.append(f"<script {attrs}>")
        if tag in ("iframe", "object", "embed", "base", "style"):
            self.problems.append(f"<{tag}>")
        if tag == "img" and not (dict(attrs).get("src") or "").startswith(("/static/", "data:image/")):
            self.problems.append(f"<img src={dict(attrs).get('src')!r}>")
        if tag == "svg" and any(name.startswith("on") for name, _ in attrs):
            self.problems.append("<svg on…>")

    handle_startendtag = handle_starttag


def injected_markup(html: str) -> list[str]:
    """Elements and attributes in html that only injected input could have produced."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.problems


def assert_no_injected_markup(html: str) -> None:
    problems = injected_markup(html)
    assert not problems, problems
