"""Merging issuer aliases: one organisation recorded under several names becomes one issuer."""

from django.db import transaction

from documents.models import Issuer, Policy


def merge_issuers(target: Issuer, others) -> int:
    """Move the others' policies to target, keep their names as its aliases, delete them.

    Returns how many policies gained target. Each policy's history records the change.
    """
    others = [issuer for issuer in others if issuer.pk != target.pk]
    moved = 0
    with transaction.atomic():
        target = Issuer.objects.select_for_update().get(pk=target.pk)
        aliases = list(target.aliases)
        for other in others:
            for policy in Policy.objects.filter(issuers=other):
                policy._change_reason = f"合并发布机构：{other.name} → {target.name}"
                if not policy.issuers.filter(pk=target.pk).exists():
                    policy.issuers.add(target)
                    moved += 1
                policy.issuers.remove(other)  # so the policy's history ends with the merged list
            aliases += [other.name, *other.aliases]
            target.region = target.region or other.region
            other.delete()  # its rows in the policy–issuer table go with it
        target.aliases = [name for name in dict.fromkeys(aliases) if name != target.name]
        target._change_reason = "合并别名：" + "、".join(other.name for other in others)
        target.save()
    return moved
