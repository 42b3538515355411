"""The two curator roles: editors import and edit drafts; publishers also publish, withdraw and merge."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = [
    "add_importrecord", "view_importrecord", "change_importrecord",
    "add_policy", "view_policy", "change_policy",
    "add_tasksection", "view_tasksection", "change_tasksection", "delete_tasksection",
    "add_issuer", "view_issuer",
    "view_region",
    "view_policysource",
]
PUBLISHER = EDITOR + [
    "publish_policy", "withdraw_policy",
    "change_issuer", "delete_issuer",  # merging aliases deletes the merged issuers
    "add_policysource", "change_policysource", "delete_policysource",
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("editor", EDITOR), ("publisher", PUBLISHER)):
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="documents", codename__in=codenames)
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"permissions missing for group {name}: {sorted(missing)}")
        group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["editor", "publisher"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_curation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
