import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import translation

from stoptheharm.petitions import services, tokens
from stoptheharm.petitions.models import Signature, SignatureStatus


class Command(BaseCommand):
    help = "For the benchmark: print confirmation links of pending signatures, or confirm them all and report."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--petition", type=int, required=True)
        parser.add_argument("--links", type=int, help="Print this many confirmation links (paths), one per line.")
        parser.add_argument("--all", action="store_true", help="Confirm every pending signature; print a report.")

    def handle(self, *args: Any, petition: int, links: int | None, all: bool, **options: Any) -> None:
        pending = Signature.objects.filter(petition_id=petition, status=SignatureStatus.PENDING)
        if links:
            with translation.override("en"):
                for pk, secret in pending.order_by("?").values_list("pk", "secret")[:links]:
                    self.stdout.write(reverse("petitions:confirm", args=[tokens.confirmation_token(pk, secret)]))
            return
        tokens_to_confirm = [
            tokens.confirmation_token(pk, secret) for pk, secret in pending.values_list("pk", "secret")
        ]
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda token: services.confirm_signature(token=token), tokens_to_confirm, chunksize=64))
        signatures = Signature.objects.filter(petition_id=petition)
        report = {
            "signatures": signatures.count(),
            "distinct_addresses": signatures.values("email").distinct().count(),
            "confirmed": signatures.filter(status=SignatureStatus.CONFIRMED).count(),
            "held": signatures.filter(status=SignatureStatus.HELD).count(),
        }
        self.stdout.write(json.dumps(report))
