"""The words a contact person agrees to when endorsing a statement for an organisation.

Their exact text (in the contact's language) and version are stored with each endorsement, as for
petitions' signatures, so the platform can show what each person agreed to.
"""

from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-11-30"
AUTHORITY = _("I confirm that I may sign this statement on behalf of the organisation.")
PROCESSING = _(
    "I agree that Stop the Harm keeps my name and e-mail address to check this endorsement and to contact me "
    "about it; they are never published."
)
INDIVIDUAL_PROCESSING = _(
    "I agree that Stop the Harm keeps my name, country, affiliation and e-mail address to check my signature, "
    "and publishes my name, country and affiliation on the list of individual signatories."
)


def organisation_consent_record() -> dict[str, dict[str, str]]:
    """What a contact agreed to when endorsing for an organisation, worded as they read it."""
    return {name: {"text": str(text), "version": CONSENT_VERSION} for name, text in
            (("authority", AUTHORITY), ("processing", PROCESSING))}  # fmt: skip


def individual_consent_record() -> dict[str, dict[str, str]]:
    """What a person agreed to when signing in their own name."""
    return {"processing": {"text": str(INDIVIDUAL_PROCESSING), "version": CONSENT_VERSION}}
