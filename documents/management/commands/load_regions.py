from django.core.management.base import BaseCommand
from django.db import transaction

from documents.models import Region
from documents.regions import load_regions


class Command(BaseCommand):
    help = "Load the GB/T 2260 region gazetteer (fixtures/regions.csv); safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            created, updated = load_regions(Region)
        self.stdout.write(f"Regions: {created} created, {updated} updated, {Region.objects.count()} in total")
