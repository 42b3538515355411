import pytest
from django.db import IntegrityError, transaction

from documents.models import Policy, Region, TaskSection


def make_policy(**fields):
    values = {"title": "测试政策", "raw_text": "原文", "clean_text": "正文", "simplified_text": "正文",
              "content_hash": "h" * 64}
    values.update(fields)
    return Policy.objects.create(**values)


@pytest.mark.django_db
def test_content_hash_is_unique():
    make_policy()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_policy(title="另一份")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"date_precision": "day", "date_year": 2024, "date_month": 5},
        {"date_precision": "unknown", "date_year": 2024},
        {"date_precision": "year", "date_year": 2024, "date_month": 3},
        {"date_precision": "day", "date_year": 2024, "date_month": 13, "date_day": 1},
        {"status": "lost"},
        {"title": ""},
    ],
)
def test_inconsistent_policies_are_refused_by_the_database(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_policy(**fields)


@pytest.mark.django_db
def test_date_with_unknown_year_is_allowed_and_shown_honestly():
    policy = make_policy(date_precision="day", date_month=8, date_day=31)
    assert policy.date is None
    assert policy.date_iso == "--08-31"
    assert policy.date_display == "8月31日（年份不详）"


@pytest.mark.django_db
def test_region_sets_the_province():
    policy = make_policy(region=Region.objects.get(code="320500"))
    assert policy.province_id == "320000"


@pytest.mark.django_db
def test_section_positions_and_anchors_are_unique_per_policy():
    policy = make_policy()
    TaskSection.objects.create(policy=policy, position=0, anchor="s1")
    with pytest.raises(IntegrityError), transaction.atomic():
        TaskSection.objects.create(policy=policy, position=0, anchor="s2")
    with pytest.raises(IntegrityError), transaction.atomic():
        TaskSection.objects.create(policy=policy, position=1, anchor="s1")
