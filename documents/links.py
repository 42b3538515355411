"""Links between documents: the versions of one work, and the comparison of two of them.

Versions are policies with the same title key (ingest.versions.version_key) from the same region,
whose issuers do not disagree (an old text's missing issuer line does not split a work), and the
policies of one province a text says it amends under another title (Policy.amended_keys: a work
renamed, 莱芜's regulation taken over by 济南), with their own versions.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
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
    visible = visible if visible is not None else Policy.objects.published()
    candidates = visible.filter(title_key=policy.title_key, region_id=policy.region_id).prefetch_related("issuers")
    own = {issuer.pk for issuer in policy.issuers.all()}
    found = [other for other in candidates
             if other.pk == policy.pk or not own or not (theirs := {i.pk for i in other.issuers.all()})
             or own & theirs]
    found += [other for other in _amended(policy, visible) if other.pk not in {p.pk for p in found}]
    if len(found) < 2:
        return []
    found.sort(key=lambda p: (p.date or datetime.date.min, p.pk))
    today = today or datetime.date.today()
    started = [p for p in found if p.date and p.date <= today and (not p.effective_date or p.effective_date <= today)]
    in_force = started[-1].pk if started else None
    return [Version(p, p.pk == in_force, p.pk == policy.pk) for p in found]


def _amended(policy: Policy, visible) -> list[Policy]:
    """The province's policies linked to this one by an amendment under another title, in two steps
    (a renamed work's own versions too): each says it amends the other's title, or they name one."""
    keys, found = {policy.title_key, *policy.amended_keys}, {}
    for _ in range(2):
        rows = visible.filter(Q(title_key__in=keys) | Q(amended_keys__overlap=list(keys)),
                              province_id=policy.province_id).exclude(title_key=policy.title_key)
        new = {other.pk: other for other in rows if other.pk not in found}
        if not new:
            break
        found |= new
        for other in new.values():
            keys |= {other.title_key, *other.amended_keys}
    return list(found.values())


def one_work(a: Policy, b: Policy) -> bool:
    """Versions of one work (by title, or an amendment under another title) or one document stored
    twice (the same title where a region is missing): never reuse, compared article by article."""
    if a.title_key and a.title_key == b.title_key:
        return a.region_id == b.region_id or a.region_id is None or b.region_id is None
    return a.province_id == b.province_id and bool(
        a.title_key in b.amended_keys or b.title_key in a.amended_keys or set(a.amended_keys) & set(b.amended_keys))


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
