"""How often the Markdown reader's region agrees with the province a corpus folder names.

The reader never sees the folder (``DLC/浙江地方法规/…``); this script uses it as a check:
for every file under ``DLC/<省>地方法规/`` it compares gazetteer.province_of(region) with the
folder's province, prints the disagreements and the agreement rate, and times the whole run.

    .venv/bin/python scripts/markdown_agreement.py [/work/shared/corpus/lawrefbook]
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from documents import gazetteer  # noqa: E402
from documents.ingest.markdown import read_markdown  # noqa: E402
from documents.ingest.result import IngestError  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/corpus/lawrefbook")
FOLDER_RE = re.compile(r"^(.+?)地方法规$")


def folder_province(path: Path, corpus: Path):
    parts = path.relative_to(corpus).parts
    if len(parts) < 2 or parts[0] != "DLC":
        return None
    match = FOLDER_RE.match(parts[1])
    return gazetteer.lookup_region(match.group(1)) if match else None


def main(corpus: Path) -> int:
    files = sorted(corpus.rglob("*.md"))
    started = time.perf_counter()
    results, refused = {}, []
    for path in files:
        try:
            results[path] = read_markdown(path.read_text(encoding="utf-8"), path.name)
        except IngestError as error:
            refused.append(error)
    elapsed = time.perf_counter() - started
    print(f"{len(files)} files: {len(results)} read, {len(refused)} refused, {elapsed:.1f} s")

    checked = agreed = 0
    for path, result in results.items():
        expected = folder_province(path, corpus)
        if expected is None:
            continue
        checked += 1
        found = gazetteer.province_of(result.region_code) if result.region_code else None
        if found is not None and found.code == expected.code:
            agreed += 1
        else:
            got = f"{result.region_code} {found.name if found else '-'}"
            print(f"  {path.relative_to(corpus)}: folder {expected.name}, read {got}, {result.issuers}")
    print(f"province agreement: {agreed}/{checked} = {agreed / max(checked, 1):.1%}")
    warnings = Counter(w.kind for r in results.values() for w in r.warnings)
    print("warnings:", dict(warnings.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS))
