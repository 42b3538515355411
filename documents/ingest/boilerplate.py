"""Drop the navigation, header, footer and widget lines that scraped pages carry around the body.

Rules recognise line shapes common to Chinese government and news sites, in both scripts.
Every removed line is returned in the record, with its 1-based line number and the rule that
removed it, because metadata (source site, date, title) often lives in exactly those lines.
"""

from __future__ import annotations

import re

from .result import StageRecord

_LIST_ITEM = re.compile(r"^[-–·•*]\s*(\S.{0,15})$")
_BREADCRUMB = re.compile(r"^(当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置|所在位置|位置)[:：]")
_CHEVRONS = re.compile(r"^[^。，,；]{0,40}>[^。，,；]{0,40}>")
_META_FIELD = re.compile(
    r"(来源|來源|日期|发布时间|發布時間|发布日期|發布日期|时间|時間|作者|编辑|編輯|点击|點擊|浏览|瀏覽|阅读|閱讀)"
    r"(量|次数|次數)?\s*[:：]"
)
_COUNTER = re.compile(r"(点击|點擊|浏览|瀏覽|阅读|閱讀)(量|次数|次數)?\s*[:：]\s*\d*\s*次?")
_FOOTER = re.compile(
    r"ICP|公网安备|公網安備|网安备|網安備|版权所有|版權所有|Copyright|©|主办单位|主辦單位|承办单位|承辦單位"
    r"|技术支持|技術支持|网站标识码|網站標識碼|网站地图|網站地圖|联系我们|聯繫我們|聯系我們"
)
_SOCIAL = re.compile(r"^(政务|政務|官方)?(微博|微信|微信公众号|微信公眾號|客户端|客戶端|APP|app)$")
_DISCLAIMER = re.compile(r"^(免责声明|免責聲明|版权声明|版權聲明|特别声明|特別聲明)[:：]")
_RELATED = re.compile(
    r"^(相关|相關|推荐|推薦|延伸|热点|熱點)(文章|阅读|閱讀|链接|鏈接|新闻|新聞|推荐|推薦)*(推荐|推薦)?[:：]?$"
)
_WIDGET = re.compile(
    r"^(【?(字体|字體|字号|字號)|分享到|打印本页|打印本頁|关闭窗口|關閉窗口|扫一扫|掃一掃|返回顶部|返回頂部"
    r"|上一篇|下一篇|责任编辑|責任編輯)"
)
_SHARING_BANNER = re.compile(r"由(会员|會員)分享|可在(线|線)(阅读|閱讀)|请在.{1,12}上搜索|請在.{1,12}上搜索")
_SITE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,12}(政府网|政府網|门户网站|門戶網站|新闻网|新聞網|网|網|网站|網站)$")
_LATIN_LABEL = re.compile(r"^[A-Za-z][A-Za-z &.\-]{0,30}$")
_PROSE = re.compile(r"[。，,；！？]")
# A source trailer glued to the end of the last paragraph: "…课程。资料来源:苏州市…规划".
_SOURCE_TRAILER = re.compile(r"(资料来源|資料來源|信息来源|信息來源|文章来源|文章來源)[:：][^。\n]{1,80}$")


# The reading-tool strip scraped pages open with (下载 打印 全屏 收藏 【字号： 加大 还原 减小 】,
# 【字体： 大 中 小 】, 分享：, 首页 > 栏目 > …), one word a line; only in the header, where a lone 大 or
# 收藏 cannot be text.
_CHROME_WORDS = frozenset(
    "下载 打印 全屏 收藏 【字号： 【字号: 【字体： 【字体: 字号： 字体： 加大 还原 减小 大 中 小 】 "
    "分享： 分享: 分享到： 首页 > ＞ 相关报道： 相关报道:".split()
)
# One header field a line, which meta_line (two fields or a counter) does not take: 来源：解放日报,
# 时间：2026-02-09; a bare label (发表时间：) whose value stands on the next line.
_META_SINGLE = re.compile(
    r"^(来源|來源|时间|時間|发表时间|發表時間|发布时间|發布時間|发布日期|發布日期|日期|作者|编辑|編輯|阅读量|閱讀量)"
    r"\s*[:：]\s*(\S.{0,40})?$"
)
_TIMESTAMP = re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(\s*\d{1,2}[:：时]\d{1,2}([:：分]\d{1,2})?分?)?$")


def _page_chrome(stripped: list[str], first_prose: int) -> dict[int, str]:
    """Header lines (before the first prose line) that are page chrome, by index, with their rule.

    Single meta fields are named meta_line, as the metadata stage reads source and date from those.
    """
    rules: dict[int, str] = {}
    header = range(min(first_prose, len(stripped)))
    for i in header:
        line = stripped[i]
        if line in _CHROME_WORDS or (rules.get(i - 1) == "page_chrome" and line == stripped[i - 1]):
            rules[i] = "page_chrome"  # the last crumb is often repeated as the column's title
            # 首页 > 云南要闻: the crumb after a split breadcrumb's chevron line
            if line in (">", "＞") and i + 1 < len(stripped) and 0 < len(stripped[i + 1]) <= 12:
                rules[i + 1] = "page_chrome"
        elif _META_SINGLE.match(line) and len(line) <= 50:
            rules[i] = "meta_line"
            if line.endswith(("：", ":")) and i + 1 in header and 0 < len(stripped[i + 1]) <= 30 \
                    and not _PROSE.search(stripped[i + 1]):
                rules[i + 1] = "meta_line"  # 来源： / 宁夏日报客户端
        elif _TIMESTAMP.match(line):
            rules[i] = "meta_line"
    return rules


def _is_prose(line: str) -> bool:
    return len(line) >= 30 and bool(_PROSE.search(line))


def _rule_for(line: str, in_margin: bool) -> str | None:
    """Name of the rule that makes this line boilerplate, or None to keep it."""
    if _BREADCRUMB.match(line) or (_CHEVRONS.match(line) and len(line) <= 80):
        return "breadcrumb"
    if _SHARING_BANNER.search(line) and len(line) <= 200:
        return "sharing_banner"
    if _DISCLAIMER.match(line):
        return "disclaimer"
    if _RELATED.match(line):
        return "related_links"
    if _WIDGET.match(line) and len(line) <= 60:
        return "widget"
    if len(line) <= 100 and (_COUNTER.search(line) or len(_META_FIELD.findall(line)) >= 2):
        return "meta_line"
    if _FOOTER.search(line) and len(line) <= 120:
        return "footer"
    if _SOCIAL.match(line):
        return "footer"
    if in_margin:
        # Outside the body, short labels are site furniture: "Network", "鶴山政府網", "- 政策解讀".
        if _SITE_NAME.match(line):
            return "site_name"
        if _LATIN_LABEL.match(line):
            return "label"
        if _LIST_ITEM.match(line):
            return "menu"
    return None


def strip_boilerplate(text: str) -> tuple[str, StageRecord]:
    """Return the body without boilerplate and a record listing each removed line."""
    lines = text.splitlines()
    stripped = [line.strip() for line in lines]
    prose = [i for i, line in enumerate(stripped) if _is_prose(line)]
    first_prose, last_prose = (prose[0], prose[-1]) if prose else (len(lines), -1)
    removed: list[dict] = []
    kept: list[str] = []
    after_related = False
    chrome = _page_chrome(stripped, first_prose)
    for i, line in enumerate(stripped):
        if not line:
            kept.append("")
            continue
        in_margin = i < first_prose or i > last_prose
        rule = chrome.get(i) or _rule_for(line, in_margin)
        if rule is None and after_related and not _is_prose(line):
            rule = "related_links"  # the link titles listed under "相关文章推荐:"
        if rule:
            after_related = after_related or rule == "related_links"
            removed.append({"line": i + 1, "rule": rule, "text": line})
            continue
        kept.append(lines[i].rstrip())
    _strip_source_trailer(kept, removed)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    rules = sorted({r["rule"] for r in removed})
    return body, StageRecord(
        stage="boilerplate",
        summary=f"removed {len(removed)} boilerplate lines ({', '.join(rules) or 'none'})",
        details=removed,
    )


def _strip_source_trailer(kept: list[str], removed: list[dict]) -> None:
    """Cut a source trailer from the end of the last non-empty line (kept as metadata)."""
    for index in range(len(kept) - 1, -1, -1):
        if not kept[index].strip():
            continue
        match = _SOURCE_TRAILER.search(kept[index])
        if match:
            removed.append({"line": None, "rule": "source_trailer", "text": match.group(0)})
            kept[index] = kept[index][: match.start()].rstrip()
        return
