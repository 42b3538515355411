"""Keeping a policy's search vectors current (called on every import and save)."""

from django.contrib.postgres.search import SearchVectorField
from django.db.models import Value
from django.db.models.functions import Cast

from documents.chinese import converter
from documents.search.vector import Vectors, tsvector_literal


def policy_vectors(policy) -> Vectors:
    t2s = converter("t2s")
    headings = [t2s.convert(h) for h in policy.sections.order_by("position").values_list("heading", flat=True)]
    return tsvector_literal(t2s.convert(policy.title), headings, policy.simplified_text)


def vector_values(vectors: Vectors) -> dict:
    """Both vectors as update() arguments."""
    return {"search_vector": Cast(Value(vectors.words), SearchVectorField()),
            "phrase_vector": Cast(Value(vectors.pairs), SearchVectorField())}


def update_search_vector(policy) -> None:
    type(policy).objects.filter(pk=policy.pk).update(**vector_values(policy_vectors(policy)))
