"""Citations between documents, kept current: a policy's `《…》` references are rebuilt with its text,
and a newly stored policy is linked from the references that were waiting for its title.

Resolution is documents/ingest/citations.py's (pure); this module feeds it the archive's titles and
stores what it says. Only published policies are citation targets: a draft is not there to be read.
"""

from django.db import transaction
from django.db.models import Count, Q

from documents.ingest import citations as reading
from documents.models import Citation, Policy
from documents.serializers import policy_brief


def candidate_index(titles) -> reading.TitleIndex:
    """The published policies any of the titles could name (by title key or short form), as the
    resolver's index: one query, however large the archive, instead of every title."""
    keys = set()
    for title in titles:
        key = reading.title_key(title)
        keys |= {key, *reading.short_keys(key)}
    keys.discard("")
    found = (Policy.objects.published().filter(Q(title_key__in=keys) | Q(title_short_keys__overlap=list(keys)))
             .order_by("pk").values_list("pk", "title", "date_year", "date_month", "date_day", "province_id"))
    return reading.TitleIndex((pk, title, _iso(year, month, day), _body(province))
                              for pk, title, year, month, day, province in (found if keys else ()))


def _iso(year, month, day) -> str | None:
    if year is None:
        return None
    return "-".join([f"{year:04d}"] + [f"{v:02d}" for v in (month, day) if v is not None])


def _body(province_code: str | None) -> str:
    """What the resolver groups a work's versions by and prefers for the citing text: its province
    ('' for national texts). Not the issuing body, whose name differs between versions of one law
    (全国人民代表大会 / 其常务委员会)."""
    return province_code or ""


def save_citations(policy: Policy) -> None:
    """Rebuild the policy's references from its stored text, its own title aside, then link the
    references elsewhere that name its title (new documents link to old ones and old ones gain cited_by)."""
    names = reading.aliases(policy.simplified_text)
    references = reading.find_references(policy.simplified_text, title=policy.title)
    index = candidate_index([r.title for r in references] + list(names.values()))
    rows = []
    issuer = _body(policy.province_id)
    own = {policy.title_key, *policy.title_short_keys}
    for reference in references:
        target = _expanded(reference.title, names)
        if reading.title_key(target) in own:
            continue  # the text naming itself (印发《…方案》, 以下简称《建设方案》) cites nothing
        resolution = index.resolve(reference.title, citing_date=policy.date_iso, aliases=names,
                                   self_id=policy.pk, citing_issuer=issuer)
        rows.append(Citation(citing=policy, cited_id=resolution.id, title=reference.title[:300],
                             target_title=target[:300], key=reading.title_key(target)[:300],
                             how=resolution.how or "", position=reference.start, sentence=reference.sentence,
                             sentence_position=reference.sentence_start))
    with transaction.atomic():
        policy.citations.all().delete()
        Citation.objects.bulk_create(rows)
        relink_waiting(policy)


def _expanded(title: str, names: dict) -> str:
    """The full title an alias the text defined stands for, else the title as written."""
    by_key = {reading.title_key(name): full for name, full in names.items()}
    return by_key.get(reading.title_key(title), title)


def relink_waiting(policy: Policy) -> int:
    """Resolve again the references elsewhere whose key could name this policy (its title key and
    short forms): a new version, or a withdrawn one, may also change which one a reference means.
    Returns how many changed."""
    keys = {policy.title_key, *policy.title_short_keys}
    index = candidate_index([policy.title])
    changed = []
    for citation in (Citation.objects.filter(key__in=keys).exclude(citing=policy)
                     .select_related("citing")):
        citing = citation.citing
        resolution = index.resolve(citation.target_title, citing_date=citing.date_iso, self_id=citing.pk,
                                   citing_issuer=_body(citing.province_id))
        if resolution.id != citation.cited_id:
            citation.cited_id, citation.how = resolution.id, resolution.how or ""
            changed.append(citation)
    Citation.objects.bulk_update(changed, ["cited", "how"])
    return len(changed)


# What a policy named in another's page or data needs: never its texts or search vectors.
BRIEF = ("id", "title", "date", "date_year", "date_month", "date_day", "date_precision", "region", "status")
CITATION_FIELDS = ("citing", "cited", "title", "target_title", "how", "position", "sentence")


def cites(policy: Policy, *, visible=None) -> list[Citation]:
    """The policy's references in order of appearance, each with the document it resolves to, or None
    where there is none to show (not in the archive, or not visible to this reader)."""
    found = list(policy.citations.select_related("cited").only(*CITATION_FIELDS, *(f"cited__{f}" for f in BRIEF))
                 .order_by("position"))
    visible = visible if visible is not None else Policy.objects.published()
    shown = set(visible.filter(pk__in={c.cited_id for c in found if c.cited_id}).values_list("pk", flat=True))
    for citation in found:
        if citation.cited_id not in shown:
            citation.cited, citation.cited_id = None, None  # for this answer only, never saved
    return found


def cited_by(policy: Policy, *, visible=None) -> list[tuple[Policy, list[Citation]]]:
    """The visible policies citing this one, newest first, each with its citing passages."""
    visible = visible if visible is not None else Policy.objects.published()
    found: dict[int, list[Citation]] = {}
    for citation in (Citation.objects.filter(cited=policy, citing__in=visible.values("pk"))
                     .only(*CITATION_FIELDS).order_by("citing_id", "position")):
        found.setdefault(citation.citing_id, []).append(citation)
    citing = {p.pk: p for p in Policy.objects.filter(pk__in=found).select_related("region").only(*BRIEF, "region__name")}
    order = sorted(citing.values(), key=lambda p: (p.date is None, p.date and -p.date.toordinal(), p.pk))
    return [(p, found[p.pk]) for p in order]


def most_cited(policies, limit: int = 10) -> list[tuple[Policy, int]]:
    """The documents most cited by the given policies (a queryset): a facet-like list for a search or a region."""
    rows = (Citation.objects.filter(citing__in=policies.order_by().values("pk"), cited__status=Policy.Status.PUBLISHED)
            .values("cited").annotate(n=Count("citing", distinct=True)).order_by("-n", "cited")[:limit])
    cited = Policy.objects.in_bulk([row["cited"] for row in rows])
    return [(cited[row["cited"]], row["n"]) for row in rows]


def links_dicts(policy: Policy, *, visible, request=None) -> dict:
    """The API's links.cites and links.cited_by."""
    return {
        "cites": [{"title": c.title, "policy": policy_brief(c.cited, request=request) if c.cited_id else None,
                   "search_url": None if c.cited_id else _absolute(request, c.search_url)}
                  for c in cites(policy, visible=visible)],
        "cited_by": [{**policy_brief(p, request=request), "passages": [c.sentence for c in passages]}
                     for p, passages in cited_by(policy, visible=visible)],
    }


def _absolute(request, url):
    return request.build_absolute_uri(url) if request else url
