"""Input rules for text the public submits, shared by every form and the API."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Cc: control characters; Cf: invisible formatting (bidirectional overrides, zero-width spaces ...) that
# can make a name display as another. The zero-width joiner and non-joiner are kept: names written in
# Persian or in Indic scripts need them.
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf"})
WORD_JOINERS = frozenset({"\u200c", "\u200d"})


def normalise_email(email: str) -> str:
    """One address, one form: trimmed, Unicode NFKC, lower-cased."""
    return unicodedata.normalize("NFKC", email.strip()).lower()


def has_forbidden_characters(text: str) -> bool:
    return any(
        unicodedata.category(character) in FORBIDDEN_CATEGORIES and character not in WORD_JOINERS for character in text
    )


def reject_forbidden_characters(text: str) -> None:
    """A model field validator: no control characters and no invisible formatting (bidirectional overrides ...)."""
    if has_forbidden_characters(text):
        raise ValidationError(_("Control and invisible formatting characters are not allowed."), code="invisible")
