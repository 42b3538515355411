"""Links between documents: the versions of one work, and the comparison of two of them.

Versions are policies with the same title key (ingest.versions.version_key) from the same region,
whose issuers do not disagree (an old text's missing issuer line does not split a work).
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse

from documents.ingest import versions as compare
from documents.models import Policy


@dataclass
class Version:
    policy: Policy
    in_force: bool
    current: bool  # the policy the list is shown for


def versions_of(policy: Policy, *, visible=None, today: datetime.date | None = None) -> list[Version]:
    """Every version of the policy's work (itself included) in date order, oldest first; empty when
    it has no other. The version in force is the latest already dated and in effect by today."""
    if not policy.title_key:
        return []
    candidates = (visible if visible is not None else Policy.objects.published()).filter(
        title_key=policy.title_key, region_id=policy.region_id).prefetch_related("issuers")
    own = {issuer.pk for issuer in policy.issuers.all()}
    found = [other for other in candidates
             if other.pk == policy.pk or not own or not (theirs := {i.pk for i in other.issuers.all()})
             or own & theirs]
    if len(found) < 2:
        return []
    found.sort(key=lambda p: (p.date or datetime.date.min, p.pk))
    today = today or datetime.date.today()
    started = [p for p in found if p.date and p.date <= today and (not p.effective_date or p.effective_date <= today)]
    in_force = started[-1].pk if started else None
    return [Version(p, p.pk == in_force, p.pk == policy.pk) for p in found]


def version_dicts(versions: list[Version], *, request=None) -> list[dict]:
    """The API's `links.versions`."""
    return [{"id": v.policy.pk, "title": v.policy.title, "date": v.policy.date_iso, "in_force": v.in_force,
             "compare_url": None if v.current else _absolute(request, compare_url(versions, v))}
            for v in versions]


def compare_url(versions: list[Version], other: Version) -> str:
    """The comparison of the current version with another, the older one on the left."""
    current = next(v for v in versions if v.current)
    older, newer = sorted([current.policy, other.policy], key=lambda p: (p.date or datetime.date.min, p.pk))
    return reverse("policy_compare", args=[older.pk, newer.pk])


def _absolute(request, url):
    return request.build_absolute_uri(url) if request else url


def compare_policies(left: Policy, right: Policy) -> list[compare.Row]:
    """The two texts article by article (or section by section where they have no articles)."""
    def units(policy):
        return compare.articles(policy.sections.order_by("position"))
    return compare.compare_articles(units(left), units(right))
