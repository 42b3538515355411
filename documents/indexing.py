"""Keeping a policy's search vector current (called on every import and save)."""

from django.contrib.postgres.search import SearchVectorField
from django.db.models import Value
from django.db.models.functions import Cast

from documents.search.script import t2s as t2s_converter
from documents.search.vector import tsvector_literal


def search_vector_expression(policy):
    t2s = t2s_converter()
    headings = [t2s.convert(h) for h in policy.sections.order_by("position").values_list("heading", flat=True)]
    return vector_value(tsvector_literal(t2s.convert(policy.title), headings, policy.simplified_text))


def vector_value(literal: str):
    """A tsvector literal as an expression for update()."""
    return Cast(Value(literal), SearchVectorField())


def update_search_vector(policy) -> None:
    type(policy).objects.filter(pk=policy.pk).update(search_vector=search_vector_expression(policy))
