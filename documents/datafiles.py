"""The dataset dump as the web sees it: its manifest for /data/, its files under settings.DATASET_URL.

export_dataset writes settings.DATASET_ROOT and swaps it in whole while the server runs, so the files
are looked up on each request (whitenoise's autorefresh) rather than scanned once at start-up; only
requests under DATASET_URL pay that stat. No request ever builds a dump.
"""

import json

from django.conf import settings
from whitenoise.base import WhiteNoise
from whitenoise.middleware import WhiteNoiseMiddleware

MEDIA_TYPES = {
    ".db": "application/vnd.sqlite3",
    ".parquet": "application/vnd.apache.parquet",
    ".jsonl": "application/x-ndjson",
    ".md": "text/markdown",
}


def latest_manifest() -> dict | None:
    """The manifest of the dump in DATASET_ROOT, or None where none has been exported (or it is unreadable)."""
    try:
        return json.loads((settings.DATASET_ROOT / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class DatasetFilesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.files = WhiteNoise(None, autorefresh=True, max_age=300, mimetypes=MEDIA_TYPES)
        self.files.add_files(settings.DATASET_ROOT, prefix=settings.DATASET_URL)

    def __call__(self, request):
        if request.path_info.startswith(settings.DATASET_URL) and request.method in ("GET", "HEAD"):
            found = self.files.find_file(request.path_info)
            if found is not None:
                response = WhiteNoiseMiddleware.serve(found, request)
                response["Content-Disposition"] = "attachment"
                return response
        return self.get_response(request)
