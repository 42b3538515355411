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


CHROME = ["下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】"]


def test_page_chrome_at_the_start_is_removed_and_single_meta_fields_kept_for_metadata():
    header = CHROME + ["2026年上海市政府工作报告", "来源：解放日报", "时间：2026-02-09"]
    body, record = strip("\n".join(header + [BODY]))
    assert body == "2026年上海市政府工作报告\n" + BODY
    assert [d["rule"] for d in record.details] == ["page_chrome"] * 9 + ["meta_line", "meta_line"]
    assert record.details[9] == {"line": 11, "rule": "meta_line", "text": "来源：解放日报"}


def test_split_breadcrumb_and_label_on_its_own_line_are_chrome():
    header = ["当前位置：", "首页", ">", "宁夏要闻", "宁夏要闻", "发表时间：", "2026-02-09 09:45:30", "来源：", "宁夏日报客户端",
              "【字体：", "小", "中", "大", "】", "政府工作报告"]
    body, record = strip("\n".join(header + [BODY]))
    assert body == "政府工作报告\n" + BODY
    assert [d["text"] for d in record.details if d["rule"] == "meta_line"] == [
        "发表时间：", "2026-02-09 09:45:30", "来源：", "宁夏日报客户端"]


def test_chrome_words_inside_the_body_are_kept():
    text = "\n".join([BODY, "收藏", "大", BODY])
    assert strip(text)[0] == text
