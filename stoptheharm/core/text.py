"""Input rules for text the public submits, shared by every form and the API."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Cc: control characters; Cf: invisible formatting (bidirectional overrides, zero-width spaces ...) that
# can make a name display as another. The zero-width joiner and non-joiner are kept: names written in
# Persian or in Indic scripts need them.
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf"})
WORD_JOINERS = frozenset({"\u200c", "\u200d"})
# Dropped without a trace, so that "R.O.S.É.S." is "roses" and "St. Mary's" is "st marys"; every
# other punctuation mark or symbol separates words ("HIV/AIDS" is "hiv aids").
JOINING_PUNCTUATION = frozenset(".'\u2019\u2018`\u00b4\u02bc")  # full stop and the apostrophes


def fold_text(text: str) -> str:
    """Compatibility-normalised (NFKC), case-folded, without accents or punctuation, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    characters = []
    for character in decomposed:
        category = unicodedata.category(character)
        if category == "Mn" or character in JOINING_PUNCTUATION:
            continue
        characters.append(" " if category[0] in "PSZC" else character)
    return " ".join(unicodedata.normalize("NFC", "".join(characters)).split())


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
