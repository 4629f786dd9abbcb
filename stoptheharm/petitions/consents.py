"""The words supporters agree to.

Their exact text (in the signer's language) and version are stored with each signature, so the
platform can show what each person agreed to.
"""

import functools

from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-11-22"
PROCESSING = _(
    "I agree that Stop the Harm keeps my name, e-mail address and country to count my signature, "
    "as the privacy notice describes."
)
PUBLIC_LIST = _("Show my first name, the initial of my last name and my country on the public list of signers.")
UPDATES = _("Keep me informed about this campaign by e-mail.")


def consent_record(*, is_public: bool, wants_updates: bool) -> dict[str, dict[str, str]]:
    """What the signer agreed to, worded as they read it (in the active language)."""
    worded = _worded(get_language())
    given = {"processing": True, "public_list": is_public, "updates": wants_updates}
    return {name: {"text": worded[name], "version": CONSENT_VERSION} for name, agreed in given.items() if agreed}


@functools.cache
def _worded(language: str) -> dict[str, str]:
    """The consents' words in one language, translated once per process: this runs on every signature."""
    with translation.override(language):
        return {"processing": str(PROCESSING), "public_list": str(PUBLIC_LIST), "updates": str(UPDATES)}
