"""The atlas's demo data: the curated, sourced files in `data/` (see data/README.md), imported as staff would.

Idempotent: the import matches entries on their natural keys, so loading it again changes nothing,
and an entry staff have edited is left as it is.
"""

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext_noop

from stoptheharm.atlas.imports import read_atlas_csv
from stoptheharm.atlas.models import DecriminalisationModel
from stoptheharm.atlas.services import ImportReport, import_atlas

DATA_DIR = Path(__file__).resolve().parent / "data"
DEMO_FILES = ("sources.csv", "indicators.csv", "decriminalisation_models.csv", "indicator_values.csv")

# The demo indicators' names, for the catalogues: Indicator.translated_name looks them up.
DEMO_INDICATOR_NAMES = (
    gettext_noop("Needle and syringe programmes"),
    gettext_noop("Needle and syringe programme sites"),
    gettext_noop("Opioid agonist therapy"),
    gettext_noop("Opioid agonist therapy sites"),
    gettext_noop("Peer distribution of naloxone"),
    gettext_noop("Take-home naloxone"),
    gettext_noop("Drug consumption rooms"),
    gettext_noop("Drug consumption rooms (number)"),
    gettext_noop("Drug checking"),
)


@transaction.atomic
def load_atlas_demo() -> list[ImportReport]:
    """Import the demo files in order, unless the atlas already holds models (staff's data is kept)."""
    if DecriminalisationModel.objects.exists():
        return []
    return [import_atlas(read_atlas_csv((DATA_DIR / name).read_bytes())) for name in DEMO_FILES]
