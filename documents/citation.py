"""Citation text for a policy (pure): GB/T 7714-2015 style for electronic resources."""

import datetime


def citation_text(data: dict, *, accessed: datetime.date) -> str:
    """A reference a reader can paste, built from the policy's dict (policy_to_dict with an absolute url).

    发布机构. 标题: 文号[EB/OL]. (发布日期)[引用日期]. 链接.
    """
    authors = "，".join(issuer["name"] for issuer in data["issuers"]) or (
        data["region"]["name"] if data.get("region") else ""
    )
    title = data["title"] + (f"：{data['doc_number']}" if data.get("doc_number") else "")
    published = f"({data['date']})" if data.get("date") else ""
    parts = [f"{authors}. " if authors else "", f"{title}[EB/OL]. ", f"{published}[{accessed.isoformat()}]. "]
    return "".join(parts) + data["url"] + "."
