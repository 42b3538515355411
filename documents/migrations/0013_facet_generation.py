"""The generation of cached search results, in the database (documents/search/facets.py).

The number lived in Django's cache, which is per process by default: a policy saved in one
web worker, or imported by a command, left the other workers' cached counts in place for
their five minutes. One row every process reads. A row rather than a sequence: a streaming
replica replays it exactly (a sequence reaches a replica only every 32 values), so a page
read from the replica takes the generation and the data from the same copy.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("documents", "0012_phrase_vector")]

    operations = [
        migrations.RunSQL(
            ["CREATE TABLE search_generation (id smallint PRIMARY KEY CHECK (id = 1), generation bigint NOT NULL)",
             "INSERT INTO search_generation VALUES (1, 0)"],
            "DROP TABLE search_generation",
        ),
    ]
