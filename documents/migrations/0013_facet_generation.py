"""A database sequence numbers the generations of cached facet counts (documents/search/facets.py).

The number lived in Django's cache, which is per process by default: a policy saved in one
web worker, or imported by a command, left the other workers' cached counts in place for
their five minutes. A sequence is shared by every process and takes no row lock.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("documents", "0012_phrase_vector")]

    operations = [
        migrations.RunSQL("CREATE SEQUENCE IF NOT EXISTS search_facet_generation",
                          "DROP SEQUENCE IF EXISTS search_facet_generation"),
    ]
