import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from documents.importing import IngestError, import_document
from documents.search.stats import refresh_if_useful

SUFFIXES = {".txt", ".html", ".htm", ".md", ".json"}
# A folder's own documentation is not a policy.
SKIPPED_NAMES = {"README.md", "README.txt"}


def collect(paths):
    """(file, source key) pairs: files as given, folders walked in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file() and file.suffix.lower() in SUFFIXES and file.name not in SKIPPED_NAMES:
                    yield file, str(file.relative_to(path))
        elif path.is_file():
            yield path, path.name
        elif not path.exists():
            yield path, None


class Command(BaseCommand):
    help = "Import policy documents (.txt, .html, .md, .json) from files and folders; safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--draft", action="store_true", help="keep imported policies as drafts")
        parser.add_argument("--quiet", action="store_true", help="print only refusals and the total")

    def handle(self, *args, paths, draft=False, quiet=False, **options):
        counts = {"created": 0, "updated": 0, "unchanged": 0, "refused": 0}
        items = list(collect(paths))
        files = [(path, key) for path, key in items if key is not None]
        for path, key in items:
            if key is None:
                counts["refused"] += 1
                self.stderr.write(f"refused {path}: no such file or folder")
        progress = Progress(len(files), self.stdout, quiet)
        for path, key in files:
            try:
                outcome = import_document(path.read_bytes(), path.name, source_key=key, publish=not draft)
            except (IngestError, OSError, DatabaseError) as error:
                counts["refused"] += 1
                self.stderr.write(f"refused {path}: {error}")
            else:
                counts[outcome.outcome] += 1
                if not quiet:
                    self.stdout.write(f"{outcome.outcome} {path} → #{outcome.policy.pk} {outcome.policy.title}")
            progress.step()
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        self.stdout.write(f"Imported {len(files)} files: {summary}")
        refreshed = refresh_if_useful()
        if refreshed:
            self.stdout.write(f"Search statistics refreshed: {refreshed}")
        if counts["refused"]:
            raise CommandError(f"{counts['refused']} file(s) refused")


class Progress:
    """A line every 100 files when quiet (or not on a terminal), so long imports show life."""

    def __init__(self, total, out, quiet):
        self.total, self.out, self.done = total, out, 0
        self.active = quiet and total >= 100

    def step(self):
        self.done += 1
        if self.active and (self.done % 100 == 0 or self.done == self.total):
            if sys.stdout.isatty():
                self.out.write(f"\r{self.done}/{self.total}", ending="")
            else:
                self.out.write(f"{self.done}/{self.total} files")
