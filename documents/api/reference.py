"""The reference page's content, read off the OpenAPI description (pure: a dict in, plain data out),
and the code samples each operation carries in it (`x-codeSamples`)."""

import json
from dataclasses import dataclass, field

from django.conf import settings


def code_samples(path: str, params: dict, *, paged: bool = False, shows: tuple[str, str] | None = None) -> list[dict]:
    """curl, Python and R calls of one endpoint with example parameters; a paged list follows `next`;
    shows: what Python and R print of another single body (`body`)."""
    url = settings.SITE_URL + path
    curl = "curl -G " + " ".join([f"'{url}'", *(f"--data-urlencode '{k}={v}'" for k, v in params.items())])
    if shows:
        query = "&".join(f"{key}={value}" for key, value in params.items())
        python = "\n".join(["import requests", "",
                            f"body = requests.get({url!r}, params={json.dumps(params, ensure_ascii=False)}).json()",
                            f"print({shows[0]})"])
        r = "\n".join(["library(jsonlite)", f"body <- fromJSON(URLencode(\"{url}?{query}\"))", shows[1]])
    elif paged:
        python = "\n".join([
            "import requests", "",
            f"url, params = {url!r}, {json.dumps(params, ensure_ascii=False)}",
            "while url:",
            "    page = requests.get(url, params=params).json()",
            "    for item in page[\"results\"]:",
            "        print(item[\"id\"])",
            "    url, params = page[\"next\"], None  # next carries the parameters",
        ])
        query = "&".join(f"{key}={value}" for key, value in params.items())
        r = "\n".join([
            "library(jsonlite)",
            f"page <- fromJSON(URLencode(\"{url}?{query}\"))" if params else f"page <- fromJSON(\"{url}\")",
            "page$count",
            "head(page$results)",
            "# more pages: fromJSON(page$`next`) until it is NULL",
        ])
    else:
        python = "\n".join(["import requests", "", f"policy = requests.get({url!r}).json()",
                            "print(policy[\"title\"], len(policy[\"sections\"]))"])
        r = "\n".join(["library(jsonlite)", f"policy <- fromJSON(\"{url}\")", "policy$title",
                       "policy$sections[, c(\"number\", \"heading\")]"])
    return [{"lang": "Shell", "label": "curl", "source": curl},
            {"lang": "Python", "label": "Python (requests)", "source": python},
            {"lang": "R", "label": "R (jsonlite)", "source": r}]


@dataclass
class Row:
    name: str
    type: str
    description: str = ""
    constraints: str = ""
    example: str = ""


@dataclass
class Operation:
    method: str
    path: str
    operation_id: str
    summary: str
    description: str
    parameters: list[Row] = field(default_factory=list)
    responses: list[tuple[str, str]] = field(default_factory=list)  # (status, schema name)
    fields: list[Row] = field(default_factory=list)  # the 200 body, flattened
    samples: list[dict] = field(default_factory=list)


def operations(schema: dict) -> list[Operation]:
    """Every operation of the description, in the order of its paths."""
    found = []
    for path, methods in schema["paths"].items():
        for method, spec in methods.items():
            # Status keys are ints in the dict ninja builds, strings once it is JSON.
            by_status = {str(status): body for status, body in spec.get("responses", {}).items()}
            responses = [(status, _ref_name(body)) for status, body in by_status.items()]
            ok = by_status.get("200", {})
            body = ok.get("content", {}).get("application/json", {}).get("schema")
            found.append(Operation(
                method=method.upper(), path=path, operation_id=spec.get("operationId", ""),
                summary=spec.get("summary", ""), description=spec.get("description", ""),
                parameters=[Row(p["name"], _type(p["schema"], schema), p.get("description", ""),
                                _constraints(p["schema"]), "" if p.get("example") is None else str(p["example"]))
                            for p in spec.get("parameters", [])],
                responses=responses,
                fields=list(flatten(body, schema)) if body else [],
                samples=spec.get("x-codeSamples", []),
            ))
    return found


def flatten(node: dict, schema: dict, prefix: str = "", depth: int = 0):
    """Rows `results[].policy.title` for each field of a body schema, nested objects opened."""
    node = _resolve(node, schema)
    for name, prop in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        target = _resolve(_object_of(prop, schema), schema)
        yield Row(path, _type(prop, schema), prop.get("description", "") or target.get("description", ""))
        if depth < 4 and target.get("properties"):
            suffix = "[]." if _is_array(prop, schema) else "."
            yield from flatten(target, schema, path + suffix, depth + 1)


def _resolve(node: dict, schema: dict) -> dict:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _options(node: dict) -> list[dict]:
    return node.get("anyOf") or node.get("oneOf") or [node]


def _object_of(node: dict, schema: dict) -> dict:
    """The object schema inside a field: itself, its array's items, the non-null option."""
    for option in _options(node):
        option = _resolve(option, schema)
        if option.get("type") == "array":
            return option.get("items", {})
        if option.get("properties"):
            return option
    return {}


def _is_array(node: dict, schema: dict) -> bool:
    return any(_resolve(option, schema).get("type") == "array" for option in _options(node))


def _type(node: dict, schema: dict) -> str:
    names = []
    for option in _options(node):
        if "$ref" in option:
            names.append(option["$ref"].rsplit("/", 1)[1])
            continue
        kind = option.get("type", "any")
        if kind == "array":
            kind = f"array of {_type(option.get('items', {}), schema)}"
        elif "enum" in option:
            kind = " | ".join(str(value) for value in option["enum"])
        elif "const" in option:
            kind = str(option["const"])
        names.append(kind)
    return " or ".join(names)


def _constraints(node: dict) -> str:
    parts = []
    if "minimum" in node:
        parts.append(f"≥ {node['minimum']}")
    if "maximum" in node:
        parts.append(f"≤ {node['maximum']}")
    if "maxLength" in node:
        parts.append(f"≤ {node['maxLength']} characters")
    return ", ".join(parts)


def _ref_name(response: dict) -> str:
    ref = response.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref", "")
    return ref.rsplit("/", 1)[-1]
