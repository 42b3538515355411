"""Evaluations of the pipeline against hand-judged sets; tools, not part of what serves requests."""
