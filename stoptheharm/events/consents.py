"""The words a person agrees to when registering for an event.

Their exact text (in the person's language) and version are stored with each registration, as for
petitions' signatures, so the platform can show what each person agreed to.
"""

from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-11-30"
PROCESSING = _(
    "I agree that Stop the Harm keeps my name, e-mail address and organisation to manage my place at this event "
    "and to send me its details; they are never published and are erased after the event."
)


def consent_record() -> dict[str, dict[str, str]]:
    """What the person agreed to, worded as they read it (in the active language)."""
    return {"processing": {"text": str(PROCESSING), "version": CONSENT_VERSION}}
