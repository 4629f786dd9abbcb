"""Input rules shared by the signing form and the API."""

import unicodedata

from django_countries import countries

MAX_NAME_LENGTH = 100
# Cc: control characters; Cf: invisible formatting (bidirectional overrides, zero-width joiners ...).
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf"})
# Checked against a set: going through the list of named countries cost a millisecond a signature.
COUNTRY_CODES = frozenset(code for code, _name in countries)


def normalise_email(email: str) -> str:
    """One address, one form: trimmed, Unicode NFKC, lower-cased."""
    return unicodedata.normalize("NFKC", email.strip()).lower()


def has_forbidden_characters(text: str) -> bool:
    return any(unicodedata.category(character) in FORBIDDEN_CATEGORIES for character in text)


def is_country_code(code: str) -> bool:
    """An ISO 3166-1 alpha-2 code that the country list offers."""
    return code in COUNTRY_CODES
