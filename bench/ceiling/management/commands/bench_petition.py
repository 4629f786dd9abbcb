import json
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection
from wagtail.models import Page

from bench.ceiling.models import CeilingRow
from stoptheharm.petitions.models import PetitionPage, PetitionState, PetitionTarget


class Command(BaseCommand):
    help = "Publish the benchmark's petition under Take Action (or reuse it); print its id, slug and URL as JSON."

    def handle(self, *args: Any, **options: Any) -> None:
        CeilingRow.objects.all().delete()
        petition = PetitionPage.objects.filter(slug="bench-surge").first()
        if petition is None:
            parent = Page.objects.get(locale__language_code="en", slug="take-action")
            petition = PetitionPage(
                slug="bench-surge",
                title="Fund harm reduction, stop punishing people who use drugs",
                summary="A petition for the surge benchmark.",
                body="<p>Health and human rights instead of punishment.</p>",
                state=PetitionState.OPEN,
                goal=100_000,
            )
            petition.targets = [PetitionTarget(name="Secretary-General", organisation="United Nations")]
            parent.add_child(instance=petition)
            petition.save_revision().publish()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(json.dumps({"id": petition.pk, "slug": petition.slug, "path": petition.url}))
