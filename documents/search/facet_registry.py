"""The facets of a search, declared once: each is a filter the search takes and a list of counts it gives.

The filter set, the counts (the in-memory arrays), the API's
parameters and schema, the search_policies command and the pages' sidebar, chips and links all read
this tuple. Adding a facet of a kind below is one entry here and its typed field in
service.SearchParams (tests/search/test_facet_registry.py checks the two agree).

Kinds: "region" (a region code of `level`; names from Region), "issuer" (an Issuer id, through the
policy–issuer links; names from Issuer), "year" (shown as 2023年, listed newest first) and
"choice" (one of `choices`, shown as it is). Every kind but "issuer" reads one column of the
policy's own row.
"""

from dataclasses import dataclass

from documents.ingest.result import POLICY_TYPES
from documents.models import Region


@dataclass(frozen=True)
class Facet:
    name: str  # the parameter, SearchParams' attribute and the facet's key in the API's facets
    label: str  # what the pages call it
    message: str  # the error for a value that is none of its values
    description: str  # the parameter in the API reference (English)
    kind: str  # "region", "issuer", "year" or "choice"
    column: str | None = None  # the policy column holding each policy's value; None: the issuer links
    level: str | None = None  # a region facet's level
    choices: tuple[str, ...] = ()  # a choice facet's values
    within: str | None = None  # listed only once that facet is chosen, and dropped when it changes
    example: object = None  # for the API reference

    @property
    def key_type(self) -> type:
        return int if self.kind in ("issuer", "year") else str

    def shown(self, key, names: dict) -> str | None:
        """A value as the pages show it; names: {kind: {key: name}} for regions and issuers (None: unknown)."""
        if self.kind in names:
            return names[self.kind].get(key)
        return f"{key}年" if self.kind == "year" else key


YEARS = (1900, 2100)  # the years a year filter accepts

FACETS = (
    Facet("province", "省份", "未知的省份代码", "Province code (GB/T 2260), e.g. 440000 for 广东省",
          "region", "province_id", level=Region.Level.PROVINCE, example="440000"),
    # A prefecture city's own policies and those of its counties (city_id is the county's city).
    Facet("city", "城市", "未知的城市代码", "Prefecture city code, e.g. 440300 for 深圳市 (its counties included)",
          "region", "city_id", level=Region.Level.PREFECTURE, within="province"),
    Facet("issuer", "发布机构", "未知的发布机构", "Issuer id (the `code` of an issuer facet value)", "issuer"),
    Facet("year", "年份", f"年份应为 {YEARS[0]} 至 {YEARS[1]} 之间的整数", "Year of publication", "year", "date_year"),
    Facet("type", "类型", "未知的政策类型", "Policy type (类型)", "choice", "policy_type", choices=POLICY_TYPES),
)
NAMES = tuple(facet.name for facet in FACETS)
BY_NAME = {facet.name: facet for facet in FACETS}
COLUMNS = {facet.name: facet.column for facet in FACETS if facet.column}  # the facets of the policy's own row


def dependents(name: str) -> tuple[str, ...]:
    """The facets listed within this one's value (a city within its province): dropped when it changes."""
    return tuple(facet.name for facet in FACETS if facet.within == name)
