"""Evaluations of the pipeline against hand-judged sets; tools, not part of what serves requests."""

import json


def show(value) -> str:
    """A figure as the evaluation commands print it: three decimals, — where it is undefined."""
    return "—" if value is None else f"{value:.3f}"


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
