"""What kind of body an issuer is, and where it sits, from its name alone (pure)."""

from documents import gazetteer

_KIND_RULES = (
    ("party", ("中共", "党委", "省委", "市委", "中央委员会")),
    ("legislature", ("人民代表大会",)),
    ("government", ("人民政府", "国务院", "办公厅")),
    ("association", ("协会", "学会", "联合会", "研究院", "联盟")),
    ("department", ("部", "厅", "局", "委员会", "办公室", "委", "署", "银行", "院")),
)

_NATIONAL_PREFIXES = ("全国", "国务院", "中共中央", "中国", "国家", "最高人民")


def issuer_kind(name: str) -> str:
    for kind, markers in _KIND_RULES:
        if any(marker in name for marker in markers):
            return kind
    return "other"


def issuer_region_code(name: str) -> str | None:
    """The region an issuer belongs to: named in its name, else national for central bodies."""
    entry = gazetteer.find_region_in_text(name)
    if entry is not None:
        return entry.code
    if name.startswith(_NATIONAL_PREFIXES) or name.endswith("部"):
        return gazetteer.NATIONAL_CODE
    return None
