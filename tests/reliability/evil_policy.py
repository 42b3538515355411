"""Store a policy whose title, text and sections carry script and event-handler markup; print its id.

Run with `python -m tests.reliability.evil_policy` against DATABASE_URL. It goes through the
real import (a JSON record), then makes sure every stored text field holds both payloads,
whatever the cleaning stages kept.
"""

import json
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyarchive.settings")

import django  # noqa: E402

django.setup()

from documents.importing import import_document  # noqa: E402
from documents.indexing import update_search_vector  # noqa: E402
from documents.models import Region, TaskSection  # noqa: E402

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
TITLE = f"广东省关于推进数字经济{SCRIPT}发展的实施方案{IMG}"
TEXT = f"一、总体要求{SCRIPT}\n推动数字经济{IMG}高质量发展，建设算力基础设施。\n二、重点任务{IMG}\n加快数据要素{SCRIPT}市场建设。\n"

record = {"title": TITLE, "text": TEXT, "issuers": [f"广东省人民政府{IMG}"], "doc_number": f"粤府{SCRIPT}〔2024〕1号",
          "source_site": f"测试{IMG}", "source_url": "https://example.org/?q=<script>", "policy_type": "方案"}
policy = import_document(json.dumps(record, ensure_ascii=False).encode(), "evil.json", source_key="evil.json").policy
policy.title = TITLE
policy.region = Region.objects.get(code="440000")  # region pages and province facets show it too
policy.clean_text = policy.raw_text = TEXT
policy.simplified_text = TEXT
policy.save()
# The cleaning stages set lines with markup aside; the stored sections carry it regardless.
policy.sections.all().delete()
sections = [
    TaskSection.objects.create(policy=policy, position=0, number="一、", heading=f"总体要求{SCRIPT}",
                               body=f"推动数字经济{IMG}高质量发展，建设算力基础设施。", anchor="s1"),
    TaskSection.objects.create(policy=policy, position=1, number="二、", heading=f"重点任务{IMG}",
                               body=f"加快数据要素{SCRIPT}市场建设。", anchor="s2"),
]
update_search_vector(policy)
print(json.dumps({"id": policy.pk, "region": policy.province_id or policy.region_id, "sections": len(sections)}))
