import hashlib
from pathlib import Path

import pytest
from django.db.models import Count

from documents.chinese import to_simplified
from documents.importing import import_document
from documents.indexing import update_search_vector
from documents.models import Issuer, Policy, Region, TaskSection
from documents.search.facet_registry import FACETS
from documents.search.filters import facet_q
from tests.conftest import shared_rows

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def seed_policies(django_db_setup, django_db_blocker):
    """The five seed pages imported through the import service, by file prefix ("000" … "004"): once per
    module, rolled back after it; each test's own changes are rolled back by its `db` savepoint."""
    with shared_rows(django_db_blocker) as done:
        policies = {
            path.name[:3]: import_document(path.read_bytes(), path.name, source_key=path.name).policy
            for path in sorted(SEEDS.glob("*.txt"))
        }
        done()
        yield policies


def create_policy(title, text="", *, sections=(), region=None, issuers=(), year=None, month=None, day=None,
                  policy_type="其他", status=Policy.Status.PUBLISHED, script="hans"):
    """A published policy with sections and an up-to-date search vector."""
    simplified = to_simplified(text)
    precision = "day" if day else "month" if month else "year" if year else "unknown"
    policy = Policy.objects.create(
        title=title, clean_text=text, raw_text=text, simplified_text=simplified, script=script,
        region=Region.objects.get(code=region) if region else None, policy_type=policy_type,
        date_year=year, date_month=month, date_day=day, date_precision=precision, status=status,
        content_hash=hashlib.sha256(f"{title}\n{text}".encode()).hexdigest(),
    )
    for position, (number, heading, body) in enumerate(sections):
        TaskSection.objects.create(policy=policy, position=position, number=number, heading=heading,
                                   body=body, anchor=f"s{position + 1}")
    policy.issuers.set([Issuer.objects.get_or_create(name=name)[0] for name in issuers])
    update_search_vector(policy)
    return policy


@pytest.fixture
def make_policy(db):
    """create_policy() inside the test's transaction."""
    return create_policy


def facet_counts_by_orm(matches, active: dict) -> tuple[int, dict[str, dict]]:
    """(total, {facet: {value: count}}) as facet_arrays.count_matches gives them, by the ORM alone: the
    matches of every other active filter, grouped by the facet's column or issuer links."""
    counted = {}
    for facet in FACETS:
        rows = matches
        for name, value in active.items():
            if name != facet.name:
                rows = rows.filter(facet_q(name, value))
        column = facet.column or "issuers"
        counted[facet.name] = dict(rows.exclude(**{f"{column}__isnull": True}).order_by()
                                   .values_list(column).annotate(n=Count("id")))
    total = matches
    for name, value in active.items():
        total = total.filter(facet_q(name, value))
    return total.count(), counted
