import sqlite3

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from documents.dataset import TABLES, DatasetError, export_dataset


class Command(BaseCommand):
    help = ("Write the published archive as an open dataset (SQLite with Datasette metadata, Parquet, CSV, "
            "JSON Lines, README, manifest) to OUT_DIR, replacing the dump there only once the new one is complete.")

    def add_arguments(self, parser):
        parser.add_argument("out_dir", nargs="?", help="where the dump goes (default settings.DATASET_ROOT, "
                                                       "which /data/ lists)")
        parser.add_argument("--base-url", help="the archive's address for the links in the files "
                                               "(default settings.SITE_URL)")

    def handle(self, *args, out_dir=None, base_url=None, **options):
        out_dir = out_dir or settings.DATASET_ROOT
        try:
            summary = export_dataset(out_dir, base_url=base_url)
        except (DatasetError, OSError, sqlite3.Error) as error:
            raise CommandError(f"export failed, {out_dir} left as it was: {error}") from error
        for t in TABLES:
            self.stdout.write(f"{t.name}: {summary.counts[t.name]:,} rows")
        self.stdout.write(f"Exported to {summary.path}: {len(summary.files)} files, "
                          f"{summary.bytes / 1e6:,.1f} MB in {summary.seconds:.1f} s")
