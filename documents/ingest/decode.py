"""Bytes to text: detect the encoding, strip BOM and NUL bytes, refuse what is not text."""

from __future__ import annotations

from charset_normalizer import from_bytes

from .result import IngestError, StageRecord
from .script import HAN_RE, word_coverage

# Scraped Chinese pages come in these; GB18030 is a superset of GB2312/GBK.
CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "big5", "utf_16")
BINARY_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0")
BOMS = ((b"\xef\xbb\xbf", "utf_8"), (b"\xff\xfe", "utf_16"), (b"\xfe\xff", "utf_16"))


def decode(data: bytes, filename: str) -> tuple[str, str, StageRecord]:
    """Decode scraped bytes; return (text, encoding, record) or raise IngestError naming the file."""
    if not data.strip():
        raise IngestError(f"文件 {filename} 为空")
    if data.startswith(BINARY_SIGNATURES):
        raise IngestError(f"文件 {filename} 是二进制文件（PDF、Office、压缩包或图片），不是文本")
    details = []
    bom_encoding = next((enc for bom, enc in BOMS if data.startswith(bom)), None)
    if bom_encoding:
        details.append({"bom": bom_encoding})
    if bom_encoding != "utf_16":
        # NUL bytes do not occur in text encoded as UTF-8/GB18030/Big5; a few are scraper debris,
        # many mean a binary file.
        nul_count = data.count(b"\x00")
        if nul_count > max(8, len(data) // 100):
            raise IngestError(f"文件 {filename} 含有 {nul_count} 个空字节，似乎是二进制文件")
        if nul_count:
            data = data.replace(b"\x00", b"")
            details.append({"nul_bytes_removed": nul_count})
    encoding, text = _best_decoding(data, bom_encoding)
    if text is None:
        raise IngestError(f"文件 {filename} 无法识别编码（不是 UTF-8、GB18030 或 Big5 文本）")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise IngestError(f"文件 {filename} 为空")
    summary = f"decoded as {encoding}"
    if details:
        summary += "; " + ", ".join(f"{k}={v}" for d in details for k, v in d.items())
    details.insert(0, {"encoding": encoding})
    return text, encoding, StageRecord(stage="decode", summary=summary, details=details)


def _best_decoding(data: bytes, bom_encoding: str | None) -> tuple[str, str | None]:
    if bom_encoding:
        try:
            return bom_encoding, data.decode("utf_8_sig" if bom_encoding == "utf_8" else bom_encoding)
        except UnicodeDecodeError:
            pass
    try:  # strict UTF-8 almost never succeeds by accident on GBK/Big5 bytes
        return "utf_8", data.decode("utf_8")
    except UnicodeDecodeError:
        pass
    # charset-normalizer proposes; short Chinese texts often decode cleanly in both GB18030 and
    # Big5, so the candidate whose result reads as real words wins.
    matches = from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS))
    candidates = {m.encoding: str(m) for m in matches}
    for encoding in ("gb18030", "big5"):
        if encoding not in candidates:
            try:
                candidates[encoding] = data.decode(encoding)
            except UnicodeDecodeError:
                pass
    candidates = {enc: txt for enc, txt in candidates.items() if _looks_like_text(txt)}
    if not candidates:
        return "", None
    encoding = max(candidates, key=lambda enc: (word_coverage(candidates[enc]), enc == "gb18030"))
    return encoding, candidates[encoding]


def _looks_like_text(text: str) -> bool:
    """Reject decodings full of control characters (binary data decoded by luck)."""
    if not text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls <= len(text) // 100 and (HAN_RE.search(text) or text.isascii())
