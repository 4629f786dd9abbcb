"""Input rules shared by the signing form and the API."""

import unicodedata

MAX_NAME_LENGTH = 100
# Cc: control characters; Cf: invisible formatting (bidirectional overrides, zero-width joiners ...).
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf"})


def has_forbidden_characters(text: str) -> bool:
    return any(unicodedata.category(character) in FORBIDDEN_CATEGORIES for character in text)
