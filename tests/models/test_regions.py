import pytest

from documents import gazetteer
from documents.models import Region


@pytest.mark.django_db
def test_gazetteer_is_preloaded_with_every_province_and_prefecture():
    assert Region.objects.filter(level="province").count() == 34
    assert Region.objects.filter(level="prefecture").count() >= 330
    assert Region.objects.get(code=gazetteer.NATIONAL_CODE).level == "national"
    assert not Region.objects.filter(level="prefecture", parent__level="national").exists()


@pytest.mark.django_db
def test_city_knows_its_province():
    suzhou = Region.objects.get(code="320500")
    assert suzhou.name == "苏州市" and suzhou.name_hant == "蘇州市"
    assert suzhou.province.code == "320000"
    assert Region.objects.get(code="440000").province.code == "440000"
    assert Region.objects.get(code=gazetteer.NATIONAL_CODE).province is None


@pytest.mark.parametrize(
    "name, code",
    [("广东", "440000"), ("廣東省", "440000"), ("苏州", "320500"), ("蘇州市", "320500"), ("济南", "370100"), ("濟南市", "370100")],
)
def test_region_lookup_in_both_scripts(name, code):
    assert gazetteer.lookup_region(name).code == code


@pytest.mark.django_db
def test_load_regions_command_is_idempotent():
    from django.core.management import call_command

    before = Region.objects.count()
    call_command("load_regions")
    assert Region.objects.count() == before


@pytest.mark.django_db
def test_a_policy_stores_its_prefecture_city_as_it_stores_its_province():
    from documents.models import Policy

    suzhou = Region.objects.get(code="320500")
    changshu = Region.objects.create(code="320581", name="常熟市", level="county", parent=suzhou)
    policy = Policy.objects.create(title="常熟数字经济方案", region=changshu)
    assert (policy.city_id, policy.province_id) == ("320500", "320000")
    policy.region = Region.objects.get(code="320000")
    policy.save()
    assert (policy.city_id, policy.province_id) == (None, "320000")
    policy.region = suzhou
    policy.save()
    assert Policy.objects.get(city="320500") == policy
