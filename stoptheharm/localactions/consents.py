"""The words an organiser agrees to; their exact text (in the organiser's language) and version are stored."""

from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-11-30"
PROCESSING = _(
    "I agree that Stop the Harm keeps my name and e-mail address to handle this local action, as the privacy "
    "notice describes. They are never published."
)


def consent_record() -> dict[str, dict[str, str]]:
    """What the organiser agreed to, worded as they read it."""
    return {"processing": {"text": str(PROCESSING), "version": CONSENT_VERSION}}
