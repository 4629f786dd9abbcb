"""The tokens in the links e-mailed to signers.

A token is "<signature id>:<secret>" signed by the server; the secret (256 random bits) is compared
in constant time with the one stored on the signature. Confirmation tokens also carry a timestamp and
expire; management tokens (withdraw, download, erase) last as long as the signature's personal data.
"""

import hmac
import secrets
from datetime import timedelta

from django.core import signing

CONFIRMATION_VALIDITY = timedelta(days=7)
CONFIRM_SALT = "stoptheharm.petitions.confirm"
MANAGE_SALT = "stoptheharm.petitions.manage"


class InvalidToken(Exception):
    """The link was altered, belongs to nothing, or has expired."""


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def confirmation_token(signature_id: int, secret: str) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(f"{signature_id}:{secret}")


def management_token(signature_id: int, secret: str) -> str:
    return signing.Signer(salt=MANAGE_SALT).sign(f"{signature_id}:{secret}")


def read_confirmation_token(token: str) -> tuple[int, str]:
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRMATION_VALIDITY)
    except signing.BadSignature as error:  # an expired token is a bad signature too
        raise InvalidToken from error
    return _split(value)


def read_management_token(token: str) -> tuple[int, str]:
    try:
        value = signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise InvalidToken from error
    return _split(value)


def secrets_match(given: str, stored: str) -> bool:
    return hmac.compare_digest(given.encode(), stored.encode())


def _split(value: str) -> tuple[int, str]:
    signature_id, _separator, secret = value.partition(":")
    if not signature_id.isdigit() or not secret:
        raise InvalidToken
    return int(signature_id), secret
