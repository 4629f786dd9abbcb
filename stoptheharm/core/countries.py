"""ISO 3166-1 country codes, as every form and API of the platform accepts them."""

from django_countries import countries

# Checked against a set: going through the list of named countries cost a millisecond a signature.
COUNTRY_CODES = frozenset(code for code, _name in countries)


def is_country_code(code: str) -> bool:
    """An ISO 3166-1 alpha-2 code that the country lists offer."""
    return code in COUNTRY_CODES
