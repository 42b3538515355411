#!/usr/bin/env python3
"""Copy the demo archive's part of the shared corpus into fixtures/corpus/.

Rule (documented in fixtures/corpus/README.md): from `lawrefbook/`, a document is in the demo
archive when its title names one of TITLE_TERMS, or its text mentions TEXT_TERMS at least
MIN_TEXT_HITS times in all (`_index.md` scaffolding is skipped); from `workreports/`, every
province's reports of both years (WHOLE_FOLDERS: one report per province and year, so no province
is empty); from `policies/`, every pkulaw export and the research spreadsheet. The files are copied
unchanged. Re-running gives the same selection.

    python scripts/select_demo_corpus.py [../shared/corpus]
"""

import shutil
import sys
from pathlib import Path

TITLE_TERMS = (
    "数字经济", "数据", "大数据", "信息化", "互联网", "电子商务", "人工智能", "科技创新", "科学技术",
    "营商环境", "网络", "信息", "电子", "软件", "集成电路", "智慧", "数字", "科技", "创新", "技术",
)
TEXT_TERMS = (
    "数字经济", "大数据", "人工智能", "电子商务", "公共数据", "数据要素", "互联网", "信息化",
    "营商环境", "科技创新", "数字化",
)
MIN_TEXT_HITS = 6

# Folders of the shared corpus copied whole.
WHOLE_FOLDERS = ("workreports/provinces-2025", "workreports/provinces-2026", "policies/pkulaw", "policies/spreadsheets")

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "corpus"


def selected(text: str) -> bool:
    title = text.split("\n", 1)[0]
    return any(term in title for term in TITLE_TERMS) or sum(text.count(t) for t in TEXT_TERMS) >= MIN_TEXT_HITS


def main(corpus: Path) -> None:
    for folder in ("lawrefbook", "workreports", "policies"):
        if (DEMO / folder).exists():
            shutil.rmtree(DEMO / folder)
    count = size = 0
    for path in sorted((corpus / "lawrefbook").rglob("*.md")):
        if path.name == "_index.md":
            continue
        text = path.read_text(encoding="utf-8")
        if selected(text):
            count += 1
            size += copy(path, corpus)
    for folder in WHOLE_FOLDERS:
        for path in sorted((corpus / folder).iterdir()):
            count += 1
            size += copy(path, corpus)
    print(f"{count} files, {size / 1e6:.1f} MB copied to {DEMO.relative_to(ROOT)}")


def copy(path: Path, corpus: Path) -> int:
    destination = DEMO / path.relative_to(corpus)
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, destination)
    return path.stat().st_size


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"))
