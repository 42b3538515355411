from documents.ingest.boilerplate import strip_boilerplate

BODY = "近日，某市人民政府印发《数字经济发展行动方案》，提出加快数据要素市场化配置改革，推动产业数字化转型。"


def strip(text):
    return strip_boilerplate(text)


def test_navigation_menu_and_breadcrumb_are_removed_with_line_numbers():
    text = "\n".join(["Home", "您的位置：首页 > 政策文件 > 正文", "- 政府信息公开", "- 政策解读", "- 高新區新聞", BODY])
    body, record = strip(text)
    assert body == BODY
    assert [(d["line"], d["rule"]) for d in record.details] == [
        (1, "label"), (2, "breadcrumb"), (3, "menu"), (4, "menu"), (5, "menu")]


def test_header_meta_line_is_removed_but_kept_in_the_record():
    body, record = strip("來源:新華網 xinhuanet.com 日期:2024-03-01 點擊:次\n" + BODY)
    assert body == BODY
    assert record.details[0]["rule"] == "meta_line"
    assert "xinhuanet.com" in record.details[0]["text"]


def test_footer_lines_of_both_scripts_are_removed():
    footer = ["政务微信", "某某市人民政府网", "京ICP备05070218号", "粵公網安備44078402440793號", "版權所有：某某市人民政府"]
    body, record = strip("\n".join([BODY, ""] + footer))
    assert body == BODY
    assert len(record.details) == len(footer)


def test_disclaimer_and_related_articles_are_removed():
    text = "\n".join([BODY, "免责声明：本网转载自其它媒体，不代表本网观点。", "相关文章推荐：", "某市召开数字经济会议", "某区发布新政"])
    body, record = strip(text)
    assert body == BODY
    assert {d["rule"] for d in record.details} == {"disclaimer", "related_links"}


def test_document_sharing_banner_is_removed():
    banner = "《某市数据条例.docx》由会员分享，可在线阅读，更多相关《某市数据条例.docx(3页珍藏版)》请在人人文库网上搜索。"
    body, record = strip(banner + "\n" + BODY)
    assert body == BODY
    assert record.details[0]["rule"] == "sharing_banner"


def test_source_trailer_is_cut_from_the_last_paragraph():
    body, record = strip(BODY + "资料来源:某市数字经济“十四五”发展规划")
    assert body == BODY
    assert record.details == [{"line": None, "rule": "source_trailer", "text": "资料来源:某市数字经济“十四五”发展规划"}]


def test_headline_and_list_items_inside_the_body_are_kept():
    text = "\n".join(["某市数字经济发展行动方案", BODY, "- 加强组织领导", "- 强化要素保障", "- 完善考核机制", BODY])
    body, _ = strip(text)
    assert body == text


def test_page_of_only_boilerplate_leaves_nothing():
    body, record = strip("Network\n当前位置:首页 > 新闻\n- 首页\n- 新闻\n政务微博\n某某政府网\n粤ICP备12345号")
    assert body == ""
    assert len(record.details) == 7
