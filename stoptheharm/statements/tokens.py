"""The tokens in the confirmation links e-mailed to endorsers.

A token is "<kind>:<endorsement id>:<secret>" signed with a timestamp by the server; it expires after
seven days. The secret (256 random bits) is compared in constant time with the one stored; the
secrets, their comparison and the error are core.tokens', shared by every e-mailed link.
"""

from datetime import timedelta

from django.core import signing

from stoptheharm.core.tokens import InvalidToken, new_secret, secrets_match

__all__ = ["InvalidToken", "confirmation_token", "new_secret", "read_confirmation_token", "secrets_match"]

CONFIRMATION_VALIDITY = timedelta(days=7)
CONFIRM_SALT = "stoptheharm.statements.confirm"
ORGANISATION = "o"
INDIVIDUAL = "i"


def confirmation_token(kind: str, endorsement_id: int, secret: str) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(f"{kind}:{endorsement_id}:{secret}")


def read_confirmation_token(token: str) -> tuple[str, int, str]:
    """The kind, id and secret the token carries; InvalidToken when altered or expired."""
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRMATION_VALIDITY)
    except signing.BadSignature as error:  # an expired token is a bad signature too
        raise InvalidToken from error
    kind, _separator, rest = value.partition(":")
    endorsement_id, _separator, secret = rest.partition(":")
    if kind not in {ORGANISATION, INDIVIDUAL} or not endorsement_id.isdigit() or not secret:
        raise InvalidToken
    return kind, int(endorsement_id), secret
