"""Citation text for a policy (pure): GB/T 7714-2015 and APA (7th edition) for an online document."""

import datetime

ARCHIVE_NAME = "数字经济政策档案"
# APA dates are in English; calendar.month_name would follow the process's locale.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def _authors(data: dict) -> list[str]:
    """The issuing bodies, or the region where none is known (a group author either way)."""
    names = [issuer["name"] for issuer in data["issuers"]]
    return names or ([data["region"]["name"]] if data.get("region") else [])


def citation_text(data: dict, *, accessed: datetime.date) -> str:
    """GB/T 7714, built from the policy's dict (policy_to_dict with an absolute url):

    发布机构. 标题: 文号[EB/OL]. (发布日期)[引用日期]. 链接.
    """
    authors = "，".join(_authors(data))
    title = data["title"] + (f"：{data['doc_number']}" if data.get("doc_number") else "")
    # GB/T 7714 dates a publication by its year at least: a news lead's 8月31日 (`--08-31`) is left out.
    date = data.get("date") or ""
    published = f"({date})" if date and not date.startswith("--") else ""
    parts = [f"{authors}. " if authors else "", f"{title}[EB/OL]. ", f"{published}[{accessed.isoformat()}]. "]
    return "".join(parts) + data["url"] + "."


def apa_text(data: dict) -> str:
    """APA: Author. (Year, Month Day). Title [English title] (文号). Site. URL

    The date as precisely as it is known, `n.d.` where it is not; an English title only where a source gave one.
    """
    authors = _authors(data)
    author = (", ".join(authors[:-1]) + ", & " + authors[-1]) if len(authors) > 1 else "".join(authors)
    title = data["title"] + (f" [{data['title_en']}]" if data.get("title_en") else "")
    if data.get("doc_number"):
        title += f" ({data['doc_number']})"
    parts = [f"{author}. " if author else "", f"({_apa_date(data.get('date'))}). ", f"{title}. ",
             f"{ARCHIVE_NAME}. ", data["url"]]
    if not author:  # APA moves the title to the author's place
        parts = [f"{title}. ", f"({_apa_date(data.get('date'))}). ", f"{ARCHIVE_NAME}. ", data["url"]]
    return "".join(parts)


def _apa_date(date: str | None) -> str:
    """`2021-07-30` → `2021, July 30`; `2021-07` → `2021, July`; `2021` → `2021`; None or no year
    (`--08-31`) → `n.d.`"""
    if not date or date.startswith("--"):
        return "n.d."
    year, *rest = date.split("-")
    if not rest:
        return year
    month = MONTHS[int(rest[0]) - 1]
    return f"{year}, {month}" + (f" {int(rest[1])}" if len(rest) > 1 else "")


def cite_as(data: dict, *, accessed: datetime.date) -> dict:
    """Both forms, as the page, the exports and the dataset give them."""
    return {"gb_t_7714": citation_text(data, accessed=accessed), "apa": apa_text(data)}


def dataset_citations(url: str, version: datetime.date) -> dict:
    """The dataset dump itself, in both forms (GB/T 7714's [DS/OL] is a data set online); the export
    day is its version."""
    day = version.isoformat()
    return {
        "gb_t_7714": f"{ARCHIVE_NAME}. {ARCHIVE_NAME}数据集[DS/OL]. ({day})[{day}]. {url}.",
        "apa": f"{ARCHIVE_NAME} [Digital-economy policy archive]. ({version.year}). {ARCHIVE_NAME}数据集 "
               f"[Chinese digital-economy policy archive: dataset] (Version {day}) [Data set]. {url}",
    }
