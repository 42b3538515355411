from django.db import migrations


def load(apps, schema_editor):
    from documents.regions import load_regions

    load_regions(apps.get_model("documents", "Region"))


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
