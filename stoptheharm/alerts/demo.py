"""Demo early warnings, idempotent: a demo drug-checking service and four published alerts, clearly marked as demo.

The findings are plausible but invented; nothing here describes a real sample.
"""

from datetime import timedelta

from django.utils import timezone

from stoptheharm.alerts.models import Alert
from stoptheharm.alerts.services import publish_alert, submit_alert
from stoptheharm.organisations.models import Organisation, OrganisationKind
from stoptheharm.organisations.services import create_organisation

DEMO_SERVICE = "Example Drug Checking Service (demo)"
DEMO_ALERTS = [
    {
        "sold_as": "Ecstasy pill, orange, shield logo (demo)",
        "findings": [("MDMA", "about 250 mg per pill")],
        "country": "FR",
        "place": "Lyon",
        "severity": "danger",
        "days_ago": 3,
        "advice": "This pill holds two to three times an ordinary dose. Start with a quarter at most, wait two "
        "hours before taking more, drink water in sips, take breaks from dancing, and stay with friends.",
    },
    {
        "sold_as": "Heroin, brown powder (demo)",
        "findings": [("Heroin", ""), ("Fentanyl", "traces"), ("A nitazene", "traces")],
        "country": "CA",
        "place": "Toronto",
        "severity": "danger",
        "days_ago": 12,
        "advice": "Strong synthetic opioids were found: overdose can come fast. Do not use alone, try a very "
        "small amount first, keep naloxone at hand and call for help at once if someone does not wake up.",
    },
    {
        "sold_as": "Pink pill sold as 2C-B (demo)",
        "findings": [("MDMA", "about 90 mg"), ("Ketamine", "")],
        "country": "ES",
        "place": "Barcelona",
        "severity": "warning",
        "days_ago": 30,
        "advice": "It does not contain 2C-B. Mixing MDMA and ketamine with alcohol raises the risks: take less "
        "than you would, avoid alcohol and do not drive.",
    },
    {
        "sold_as": "Cocaine, white powder (demo)",
        "findings": [("Cocaine", "about 70 %"), ("Levamisole", "")],
        "country": "PT",
        "place": "Lisboa",
        "severity": "info",
        "days_ago": 60,
        "advice": "Levamisole, a veterinary medicine, is a common cutting agent. Used often, it can lower "
        "white blood cells: see a doctor if you get fevers or sores that do not heal.",
    },
]


def load_alerts_demo() -> None:
    """Add the demo service and publish each demo alert not there yet (by what it was sold as)."""
    service = Organisation.objects.filter(name=DEMO_SERVICE).first() or create_organisation(
        name=DEMO_SERVICE,
        kind=OrganisationKind.SERVICE_PROVIDER,
        scope="global",
        description="A made-up drug-checking service that publishes the demo's early warnings.",
    )
    today = timezone.localdate()
    for spec in DEMO_ALERTS:
        if Alert.objects.filter(service=service, sold_as=spec["sold_as"]).exists():
            continue
        fields = {name: value for name, value in spec.items() if name != "days_ago"}
        alert = submit_alert(service=service, sampled_on=today - timedelta(days=spec["days_ago"]), **fields)
        publish_alert(alert=alert, user=None)
