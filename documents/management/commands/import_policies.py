import os
import random
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, connections

from documents.importing import (IngestError, already_imported, imported_before, part_key, prepare, raw_hash,
                                 split_input, store)
from documents.ingest.pipeline import SUFFIXES
from documents.search.stats import refresh_if_useful
from documents.search.tokens import tokenizer

# A folder's own documentation is not a policy.
SKIPPED_NAMES = {"README.md", "README.txt"}
# Below this many files a worker pool costs more than it saves.
POOL_THRESHOLD = 20
ATTEMPTS = 3
RETRIED_STATES = {"23505", "40P01", "40001"}  # unique violation, deadlock, serialization failure
# Workers each hold a connection: stay well inside PostgreSQL's default max_connections (100).
MAX_DEFAULT_JOBS = 8


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


OUTCOMES = ("created", "updated", "unchanged", "duplicate", "refused")


@dataclass
class Outcome:
    path: Path
    outcome: str  # one of OUTCOMES
    detail: str  # "#id title", or the reason for a refusal
    where: str = ""  # a table row: "#sheet!row"
    duplicate_of: str = ""  # a duplicate: the file (and row) the stored policy's content came from


def import_file(path: Path, key: str, publish: bool = True) -> list[Outcome]:
    """Every document of one file (a table: each row), each in its own transaction; never raises for bad input."""
    try:
        data = path.read_bytes()
        parts = split_input(data, path.name)
    except (IngestError, OSError) as error:
        return [Outcome(path, "refused", str(error))]
    except Exception as error:  # a library's failure on a malformed file: this file is refused, the import goes on
        return [Outcome(path, "refused", f"{type(error).__name__}: {error}")]
    file_sha = raw_hash(data)
    return [import_part(path, part, key, publish, file_sha) for part in parts]


def import_part(path: Path, part, key: str, publish: bool, file_sha: str) -> Outcome:
    where = part.location[len(part.filename):]
    try:
        seen = already_imported(raw_hash(part.data), file_sha)
        if seen is not None:
            return Outcome(path, "unchanged", f"#{seen.pk} {seen.title}", where)
        prepared = prepare(part)
        for attempt in range(1, ATTEMPTS + 1):
            try:
                result = store(part, prepared, source_key=part_key(key, part), publish=publish, file_sha=file_sha)
                return Outcome(path, result.outcome, f"#{result.policy.pk} {result.policy.title}", where,
                               result.duplicate_of)
            except DatabaseError as error:
                # Another worker stored the same content first, or two deadlocked: the transaction was
                # rolled back whole, and the next attempt sees the other's rows.
                if attempt == ATTEMPTS or sqlstate(error) not in RETRIED_STATES:
                    raise
                time.sleep(random.uniform(0.01, 0.1) * attempt)
    except (IngestError, DatabaseError) as error:
        return Outcome(path, "refused", str(error), where)
    except Exception as error:  # a library's failure on a malformed input: this one is refused, the import goes on
        return Outcome(path, "refused", f"{type(error).__name__}: {error}", where)


def sqlstate(error: DatabaseError) -> str | None:
    return getattr(error.__cause__, "sqlstate", None)


def exit_with_parent(parent: int) -> None:
    """A worker whose import was killed (SIGKILL skips the pool's shutdown) ends too; its open
    transaction is rolled back by PostgreSQL when the connection drops."""

    def watch():
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def import_files(files, *, publish: bool, jobs: int):
    """Outcomes in the files' order. Large imports run in forked worker processes, each with its own
    database connection; inside a transaction (tests), for a few files, or when two files share a source
    key (the later one updates the earlier one's policy, in order), here, one by one."""
    keys = [key for _, key in files]
    if jobs <= 1 or len(files) < POOL_THRESHOLD or connection.in_atomic_block or len(set(keys)) < len(keys):
        for path, key in files:
            yield from import_file(path, key, publish)
        return
    tokenizer()  # loaded once; the forked workers share it
    connections.close_all()  # each worker opens its own connection; none may inherit this one
    paths, keys = zip(*files)
    with ProcessPoolExecutor(max_workers=jobs, initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
        for outcomes in pool.map(import_file, paths, keys, [publish] * len(files), chunksize=2):
            yield from outcomes


class Command(BaseCommand):
    help = (
        "Import policy documents (.txt, .html, .md, .json, .docx, .pdf; .csv, .xlsx, .xls with one document a row) "
        "from files and folders; safe to run again. Each document is stored in its own transaction; large folders "
        "are imported by parallel workers. The summary counts documents, and names each duplicate's original."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--draft", action="store_true", help="keep imported policies as drafts")
        parser.add_argument("--quiet", action="store_true", help="print only refusals, progress and the total")
        parser.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, MAX_DEFAULT_JOBS),
                            help=f"worker processes (default: one per CPU, at most {MAX_DEFAULT_JOBS})")

    def handle(self, *args, paths, draft=False, quiet=False, jobs=1, **options):
        counts = dict.fromkeys(OUTCOMES, 0)
        items = list(collect(paths))
        files = [(path, key) for path, key in items if key is not None]
        for path, key in items:
            if key is None:
                self.record(counts, Outcome(path, "refused", "no such file or folder"), quiet)
        progress = Progress(len(files), self.stdout, quiet)
        started = time.monotonic()
        duplicates = []
        for outcome in self.import_new(files, publish=not draft, jobs=jobs):
            self.record(counts, outcome, quiet)
            if outcome.outcome == "duplicate":
                duplicates.append(outcome)
            progress.step(outcome.path)
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        rate = f" in {elapsed:.1f} s ({len(files) / elapsed:.1f} files/s)" if files and elapsed > 0 else ""
        documents = sum(counts.values())
        self.stdout.write(f"Imported {len(files)} files ({documents} documents){rate}: {summary}")
        for outcome in duplicates:
            self.stdout.write(f"duplicate {outcome.path}{outcome.where} = {outcome.duplicate_of} ({outcome.detail})")
        refreshed = refresh_if_useful()
        if refreshed:
            self.stdout.write(f"Search statistics refreshed: {refreshed}")
        if counts["refused"]:
            raise CommandError(f"{counts['refused']} document(s) refused")

    def import_new(self, files, *, publish, jobs):
        """Files imported before with these very bytes are reported unchanged at once (one query, so that
        a second `make run` is quick); the others go through import_files."""
        hashes = {}
        for path, _ in files:
            try:
                hashes[path] = raw_hash(path.read_bytes())
            except OSError:
                pass  # import_file reports it
        known = imported_before(hashes.values())
        new = []
        for path, key in files:
            policies = known.get(hashes.get(path))
            if not policies:
                new.append((path, key))
            else:
                for policy in policies:
                    yield Outcome(path, "unchanged", f"#{policy.pk} {policy.title}")
        yield from import_files(new, publish=publish, jobs=jobs)

    def record(self, counts, outcome: Outcome, quiet: bool):
        counts[outcome.outcome] += 1
        if outcome.outcome == "refused":
            self.stderr.write(f"refused {outcome.path}{outcome.where}: {outcome.detail}")
        elif not quiet:
            self.stdout.write(f"{outcome.outcome} {outcome.path}{outcome.where} → {outcome.detail}")


class Progress:
    """Long imports show life: a bar on a terminal, a line every 100 files otherwise (with --quiet)."""

    WIDTH = 30

    def __init__(self, total, out, quiet):
        self.total, self.out, self.done = total, out, 0
        self.active = quiet and total >= 100
        self.terminal = sys.stdout.isatty()
        self.last = None

    def step(self, path):
        """A file's documents come one after another: the file counts once."""
        if path == self.last:
            return
        self.last = path
        self.done += 1
        if not self.active:
            return
        if self.terminal:
            filled = self.WIDTH * self.done // self.total
            ending = "\n" if self.done == self.total else ""
            self.out.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done}/{self.total}", ending=ending)
        elif self.done % 100 == 0 or self.done == self.total:
            self.out.write(f"{self.done}/{self.total} files")
