"""Loading the region gazetteer (fixtures/regions.csv) into the Region table."""

from documents import gazetteer


def load_regions(region_model):
    """Create or update every gazetteer region; parents first. Returns (created, updated)."""
    created = updated = 0
    known = {r.code: r for r in region_model.objects.all()}
    rank = {"national": 0, "province": 1, "prefecture": 2, "county": 3}
    for entry in sorted(gazetteer.all_regions(), key=lambda e: (rank[e.level], e.code)):
        values = {
            "name": entry.name,
            "name_hant": entry.name_hant,
            "short_name": entry.short_name,
            "level": entry.level,
            "parent_id": entry.parent_code or None,
        }
        existing = known.get(entry.code)
        if existing is None:
            region_model.objects.create(code=entry.code, **values)
            created += 1
        elif any(getattr(existing, k) != v for k, v in values.items()):
            region_model.objects.filter(code=entry.code).update(**values)
            updated += 1
    return created, updated
