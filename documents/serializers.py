"""One serialisation of a policy, shared by the API, exports and commands."""

from django.urls import reverse


def region_dict(region):
    return {"code": region.code, "name": region.name} if region else None


def policy_brief(policy, *, request=None) -> dict:
    """A policy named from another's data (a target's source, a citation): id, title, date and page."""
    url = reverse("policy_detail", args=[policy.pk])
    return {"id": policy.pk, "title": policy.title, "date": policy.date_iso,
            "url": request.build_absolute_uri(url) if request else url}


def policy_to_dict(policy, *, full=False, request=None) -> dict:
    """The listing fields; with full=True also the text and the task sections."""
    url = reverse("policy_detail", args=[policy.pk])
    data = {
        "id": policy.pk,
        "title": policy.title,
        "title_en": policy.title_en,
        "url": request.build_absolute_uri(url) if request else url,
        "doc_number": policy.doc_number,
        "region": region_dict(policy.region),
        "province": region_dict(policy.province),
        "issuers": [{"name": issuer.name} for issuer in policy.issuers.all()],
        "date": policy.date_iso,
        "date_precision": policy.date_precision,
        "effective_date": policy.effective_date.isoformat() if policy.effective_date else None,
        "policy_type": policy.policy_type,
        "source": {"site": policy.source_site, "url": policy.source_url},
        "citation_code": policy.citation_code,
        "script": policy.script,
    }
    if full:
        data["text"] = policy.clean_text
        # .all() so that a caller's prefetch (the dataset export's, a batch at a time) is used.
        sections = sorted(policy.sections.all(), key=lambda section: section.position)
        anchors = {section.pk: section.anchor for section in sections}
        data["sections"] = [
            {
                "number": s.number,
                "level": s.level,
                "heading": s.heading,
                "body": s.body,
                "anchor": s.anchor,
                "parent": anchors[s.parent_id] if s.parent_id else None,
            }
            for s in sections
        ]
        data["quality_warnings"] = [
            {"kind": w.get("kind"), "message": w.get("message"), "position": w.get("position")}
            for w in policy.quality_warnings
        ]
    return data
