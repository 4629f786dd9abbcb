"""The words an applicant agrees to; their exact text (in the applicant's language) and version are stored."""

from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-11-30"
PROCESSING = _(
    "I agree that Stop the Harm keeps my name and e-mail address to handle this application and, if the "
    "organisation joins, as its private contact for the coalition, as the privacy notice describes."
)
AUTHORISED = _("I may apply on behalf of this organisation.")


def consent_record() -> dict[str, dict[str, str]]:
    """What the applicant agreed to, worded as they read it."""
    given = {"processing": PROCESSING, "authorised": AUTHORISED}
    return {name: {"text": str(text), "version": CONSENT_VERSION} for name, text in given.items()}
