"""Quantitative targets (documents/targets.py); curators correct them, so both roles may edit them."""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

TARGET_PERMISSIONS = ["add_target", "view_target", "change_target", "delete_target"]


def grant(apps, schema_editor):
    # As in 0004: the permissions are created after all migrations, and the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="documents", codename__in=TARGET_PERMISSIONS)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=["editor", "publisher"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0017_policy_doc_number_index'),
    ]

    operations = [
        migrations.CreateModel(
            name='Target',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('indicator', models.CharField(max_length=200, verbose_name='指标')),
                ('indicator_text', models.CharField(blank=True, max_length=200, verbose_name='原文指标')),
                ('kind', models.CharField(choices=[('target', '目标'), ('outcome', '实际')], max_length=8, verbose_name='类别')),
                ('measure', models.CharField(choices=[('growth', '增速'), ('level', '水平'), ('share', '占比')], max_length=8, verbose_name='度量')),
                ('year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='年份')),
                ('value_low', models.FloatField(blank=True, null=True, verbose_name='数值（下限）')),
                ('value_high', models.FloatField(blank=True, null=True, verbose_name='数值（上限）')),
                ('unit', models.CharField(blank=True, max_length=20, verbose_name='单位')),
                ('modifier', models.CharField(blank=True, max_length=10, verbose_name='限定词')),
                ('sentence', models.TextField(blank=True, verbose_name='原句')),
                ('position', models.PositiveIntegerField(default=0, help_text='原句在简体正文中的字符位置', verbose_name='原句位置')),
                ('key', models.CharField(blank=True, editable=False, max_length=64, verbose_name='识别标识')),
                ('curated', models.BooleanField(default=False, verbose_name='人工核定')),
                ('rejected', models.BooleanField(default=False, verbose_name='人工删除')),
                ('policy', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='targets', to='documents.policy', verbose_name='政策')),
                ('section', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='targets', to='documents.tasksection', verbose_name='章节')),
            ],
            options={
                'verbose_name': '量化目标',
                'verbose_name_plural': '量化目标',
                'ordering': ['policy', 'position', 'id'],
                'indexes': [models.Index(fields=['indicator', 'year'], name='target_indicator_year')],
                'constraints': [models.CheckConstraint(condition=models.Q(('value_low__isnull', True), ('value_high__isnull', True), ('value_low__lte', models.F('value_high')), _connector='OR'), name='target_range_ordered')],
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
