import multiprocessing
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

from documents.importing import (IngestError, Prepared, already_imported, imported_before, load_pipeline, part_key,
                                 prepare, raw_hash, split_input, store)
from documents.ingest.pipeline import SUFFIXES, TABLE_SUFFIXES, Part
from documents.models import (Citation, ImportRecord, Issuer, Policy, ReuseBand, ReuseSignature, Target,
                              TaskSection)
from documents.search.index import rebuild_if_useful

# A folder's own documentation is not a policy.
SKIPPED_NAMES = {"README.md", "README.txt"}
# Below this many documents a worker pool costs more than it saves.
POOL_THRESHOLD = 20
ATTEMPTS = 3
RETRIED_STATES = {"23505", "40P01", "40001"}  # unique violation, deadlock, serialization failure
# Workers each hold a connection: stay well inside PostgreSQL's default max_connections (100).
MAX_DEFAULT_JOBS = 8
# Into an empty database, each worker's connection plans its foreign-key checks (a section's parent, a target's
# section…) on the statistics of empty tables, as sequential scans, and keeps those plans until autovacuum's first
# ANALYZE, a minute in: in the whole-corpus import they cost the database 21 s of that minute. An ANALYZE once
# this many documents are stored re-plans them.
ANALYZE_AFTER = 200
GROWING = (Policy, TaskSection, Target, Issuer, Citation, ReuseBand, ReuseSignature, ImportRecord)


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
    read = read_file(path)
    if isinstance(read, Outcome):
        return [read]
    file_sha, parts = read
    return [import_part(path, part, key, publish, file_sha) for part in parts]


def read_file(path: Path) -> tuple[str, list[Part]] | Outcome:
    """The file's hash and documents, or its refusal."""
    try:
        data = path.read_bytes()
        return raw_hash(data), split_input(data, path.name)
    except (IngestError, OSError) as error:
        return Outcome(path, "refused", str(error))
    except Exception as error:  # a library's failure on a malformed file: this file is refused, the import goes on
        return Outcome(path, "refused", f"{type(error).__name__}: {error}")


def import_part(path: Path, part: Part, key: str, publish: bool, file_sha: str) -> Outcome:
    return finish(path, part, key, publish, file_sha, prepared_or_refusal(part))


def prepared_or_refusal(part: Part) -> Prepared | str:
    """The pipeline's pure half (what a worker does for the parent), or why the document is refused."""
    try:
        return prepare(part)
    except IngestError as error:
        return str(error)
    except Exception as error:  # a library's failure on a malformed input: this one is refused, the import goes on
        return f"{type(error).__name__}: {error}"


def prepare_file(path: Path) -> tuple[str, list[tuple[Part, Prepared | str]]] | Outcome:
    read = read_file(path)
    if isinstance(read, Outcome):
        return read
    file_sha, parts = read
    return file_sha, [(part, prepared_or_refusal(part)) for part in parts]


def unchanged(path: Path, part: Part, file_sha: str) -> Outcome | None:
    seen = already_imported(raw_hash(part.data), file_sha)
    return Outcome(path, "unchanged", f"#{seen.pk} {seen.title}", where_of(part)) if seen is not None else None


def where_of(part: Part) -> str:
    return part.location[len(part.filename):]


def finish(path: Path, part: Part, key: str, publish: bool, file_sha: str, prepared: Prepared | str) -> Outcome:
    """Store a prepared document (in its own transaction), or report its refusal."""
    where = where_of(part)
    if isinstance(prepared, str):
        return Outcome(path, "refused", prepared, where)
    try:
        seen = unchanged(path, part, file_sha)  # these bytes, imported before or meanwhile (a repeated row)
        if seen is not None:
            return seen
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


_INHERITED = []  # the parent's database connections, held so that a worker never finalises (closes) them


def start_worker(parent: int) -> None:
    """A worker opens its own database connection when it needs one: the parent's, inherited by the fork, is
    set aside untouched (closing it here would end the parent's session). A worker whose import was killed
    (SIGKILL skips the pool's shutdown) ends too; its open transaction is rolled back by PostgreSQL when its
    connection drops."""
    for alias in connections:
        _INHERITED.append(connections[alias].connection)
        connections[alias].connection = None

    def watch():
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def import_files(files, *, publish: bool, jobs: int):
    """Outcomes in the files' order. A large import runs the pipeline's pure half in forked worker processes.
    A worker also stores the files it prepared (its own connection, a transaction per document) unless the
    import runs inside a transaction (tests) or two files share a source key (the later one updates the earlier
    one's policy, in order): then every document is stored here, in order. A table's rows are read here and
    prepared one by one by the workers, so that a large table spreads over all of them, and stored here in
    row order. A few documents are imported here one by one."""
    read = [(path, key, read_file(path) if is_table(path) else None) for path, key in files]
    documents = sum(len(tabled[1]) if isinstance(tabled, tuple) else 1 for _, _, tabled in read)
    if jobs <= 1 or documents < POOL_THRESHOLD:
        for path, key, tabled in read:
            if tabled is None:
                yield from import_file(path, key, publish)
            elif isinstance(tabled, Outcome):
                yield tabled
            else:
                yield from (import_part(path, part, key, publish, tabled[0]) for part in tabled[1])
        return
    keys = [key for _, key in files]
    workers_store = not connection.in_atomic_block and len(set(keys)) == len(keys)
    load_pipeline()  # loaded once; the forked workers share it
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                             initializer=start_worker, initargs=(os.getpid(),)) as pool:
        pending = []
        for path, key, tabled in read:
            if tabled is None:
                task = pool.submit(import_file, path, key, publish) if workers_store else pool.submit(prepare_file, path)
                pending.append((path, key, None, None, task))
            elif isinstance(tabled, Outcome):
                pending.append(tabled)
            else:
                file_sha, parts = tabled
                for part in parts:
                    pending.append(unchanged(path, part, file_sha)
                                   or (path, key, file_sha, part, pool.submit(prepared_or_refusal, part)))
        for count, item in enumerate(pending):
            if workers_store and count == ANALYZE_AFTER:
                analyze_growing_tables()
            if isinstance(item, Outcome):
                yield item
                continue
            path, key, file_sha, part, task = item
            result = task.result()
            if part is not None:
                yield finish(path, part, key, publish, file_sha, result)
            elif workers_store:
                yield from result
            elif isinstance(result, Outcome):
                yield result
            else:
                file_sha, prepared = result
                yield from (finish(path, part, key, publish, file_sha, ready) for part, ready in prepared)


def analyze_growing_tables() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(model._meta.db_table for model in GROWING))


def is_table(path: Path) -> bool:
    return path.suffix.lower() in TABLE_SUFFIXES


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
        refreshed = rebuild_if_useful()
        if refreshed:
            self.stdout.write(f"Search index rebuilt: {refreshed}")
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
