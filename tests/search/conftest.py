import hashlib
from pathlib import Path

import pytest

from documents.chinese import to_simplified
from documents.importing import import_document
from documents.indexing import update_search_vector
from documents.models import Issuer, Policy, Region, TaskSection
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
