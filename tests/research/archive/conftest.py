"""The tests that read a real research archive, imported once for this package and rolled back after it:
the seeds, the 2025 and 2026 work reports of nine provinces, national laws and the local regulations of
Guangdong, Shandong and Chongqing, so that rows, cities, years, types and the national row all have
documents. (The other research tests build their own few policies on an empty database.)"""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from documents.search import facet_arrays

CORPUS = Path(__file__).resolve().parents[3] / "fixtures" / "corpus"
REPORTS = CORPUS / "workreports"
# Provinces whose reports name 具身智能 in both years, in one of them, or in neither (北京).
LAWS = ("行政法", "经济法", "部门规章", "DLC/广东地方法规", "DLC/山东地方法规", "DLC/重庆地方法规")
PROVINCES = ("广东省", "山东省", "四川省", "重庆市", "河南省", "北京市", "浙江省", "上海市", "江苏省")


def report_paths() -> list[str]:
    paths = [REPORTS / "provinces-2025" / f"2025年{name}政府工作报告.docx" for name in PROVINCES]
    paths += [REPORTS / "provinces-2026" / f"2026_{name}_政府工作报告.csv" for name in PROVINCES]
    return [str(path) for path in paths]


@pytest.fixture(scope="package")
def research_archive(django_db_setup, django_db_blocker):
    """Package-scoped: /compare/'s and /diffusion/'s modules read the same archive, and importing it is most
    of their time. Each test's own writes are rolled back by its `db` savepoint inside this transaction."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            laws = [str(CORPUS / "lawrefbook" / folder) for folder in LAWS]
            call_command("import_policies", "fixtures/seeds", *laws, *report_paths(), quiet=True)
            # Check the import's deferred foreign keys now, once: left pending, every test's teardown
            # (which checks constraints, then rolls back to its savepoint) would check them all again.
            connection.check_constraints()
            facet_arrays.forget()
            yield
            transaction.set_rollback(True)
        facet_arrays.forget()
