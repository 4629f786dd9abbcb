"""E-mail addresses as the platform stores and compares them."""

import unicodedata


def normalise_email(email: str) -> str:
    """One address, one form: trimmed, Unicode NFKC, lower-cased."""
    return unicodedata.normalize("NFKC", email.strip()).lower()
