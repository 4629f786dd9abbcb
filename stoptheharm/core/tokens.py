"""Tokens in the links e-mailed to the public (signers, applicants), shared by every feature that sends them.

A token is "<row id>:<secret>" signed by the server with a salt of the feature's own; the secret (256
random bits) is compared in constant time with the one stored on the row. Tokens read with a
`max_age` carry a timestamp and expire.
"""

import hmac
import secrets
from datetime import timedelta

from django.core import signing


class InvalidToken(Exception):
    """The link was altered, belongs to nothing, or has expired."""


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def sign_token(object_id: int, secret: str, *, salt: str, timed: bool) -> str:
    signer = signing.TimestampSigner(salt=salt) if timed else signing.Signer(salt=salt)
    return signer.sign(f"{object_id}:{secret}")


def read_token(token: str, *, salt: str, max_age: timedelta | None = None) -> tuple[int, str]:
    """The row id and secret a token carries; raises InvalidToken if it was altered or (with max_age) expired."""
    try:
        if max_age is None:
            value = signing.Signer(salt=salt).unsign(token)
        else:
            value = signing.TimestampSigner(salt=salt).unsign(token, max_age=max_age)
    except signing.BadSignature as error:  # an expired token is a bad signature too
        raise InvalidToken from error
    object_id, _separator, secret = value.partition(":")
    if not object_id.isdigit() or not secret:
        raise InvalidToken
    return int(object_id), secret


def secrets_match(given: str, stored: str) -> bool:
    return hmac.compare_digest(given.encode(), stored.encode())
