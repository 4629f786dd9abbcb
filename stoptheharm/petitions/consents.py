"""The words supporters agree to.

Their exact text (in the signer's language) and version are stored with each signature, so the
platform can show what each person agreed to.
"""

from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-11-22"
PROCESSING = _(
    "I agree that Stop the Harm keeps my name, e-mail address and country to count my signature, "
    "as the privacy notice describes."
)
PUBLIC_LIST = _("Show my first name, the initial of my last name and my country on the public list of signers.")
UPDATES = _("Keep me informed about this campaign by e-mail.")


def consent_record(*, is_public: bool, wants_updates: bool) -> dict[str, dict[str, str]]:
    """What the signer agreed to, worded as they read it."""
    given = {"processing": PROCESSING, "public_list": PUBLIC_LIST if is_public else None}
    given["updates"] = UPDATES if wants_updates else None
    return {name: {"text": str(text), "version": CONSENT_VERSION} for name, text in given.items() if text}
