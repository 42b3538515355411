import pytest

from documents.ingest.decode import decode
from documents.ingest.result import IngestError

TEXT = "广东省人民政府印发《数字经济发展规划》，推动数据要素市场化配置改革。"
HANT = "廣東省人民政府印發《數字經濟發展規劃》，推動數據要素市場化配置改革。"


def test_utf8_is_decoded_as_utf8():
    text, encoding, record = decode(TEXT.encode("utf-8"), "a.txt")
    assert (text, encoding) == (TEXT, "utf_8")
    assert record.stage == "decode"


def test_utf8_bom_is_stripped_and_recorded():
    text, encoding, record = decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "a.txt")
    assert text == TEXT
    assert {"bom": "utf_8"} in record.details


def test_gbk_bytes_are_decoded():
    text, encoding, _ = decode(TEXT.encode("gbk"), "a.txt")
    assert text == TEXT
    assert encoding == "gb18030"


def test_traditional_text_in_gbk_is_decoded():
    text, _, _ = decode(HANT.encode("gbk"), "a.txt")
    assert text == HANT


def test_big5_bytes_are_decoded():
    text, encoding, _ = decode(HANT.encode("big5"), "a.txt")
    assert text == HANT
    assert encoding == "big5"


def test_nul_byte_is_removed_and_counted():
    data = TEXT.encode("utf-8")
    text, _, record = decode(data[:6] + b"\x00" + data[6:], "a.txt")
    assert text == TEXT
    assert {"nul_bytes_removed": 1} in record.details


@pytest.mark.parametrize("data", [b"", b"   \n\t", b"\xef\xbb\xbf"])
def test_empty_file_is_refused_naming_the_file(data):
    with pytest.raises(IngestError, match="empty.txt 为空"):
        decode(data, "empty.txt")


def test_pdf_is_refused_as_binary():
    with pytest.raises(IngestError, match="scan.txt"):
        decode(b"%PDF-1.7\n\x00\x01\x02binary", "scan.txt")


def test_bytes_full_of_nuls_are_refused_as_binary():
    with pytest.raises(IngestError, match="blob.txt"):
        decode(bytes(range(256)) * 4, "blob.txt")


def test_bytes_no_chinese_encoding_accepts_are_refused():
    with pytest.raises(IngestError, match="无法识别编码"):
        decode(b"\x81\x30\xff\xfe\x80\x80" * 20, "bad.txt")
