"""The tokens in the links e-mailed to signers (see core.tokens).

Confirmation tokens expire; management tokens (withdraw, download, erase) last as long as the
signature's personal data.
"""

from datetime import timedelta

from stoptheharm.core.tokens import InvalidToken, new_secret, read_token, secrets_match, sign_token

__all__ = ["InvalidToken", "new_secret", "secrets_match"]

CONFIRMATION_VALIDITY = timedelta(days=7)
CONFIRM_SALT = "stoptheharm.petitions.confirm"
MANAGE_SALT = "stoptheharm.petitions.manage"


def confirmation_token(signature_id: int, secret: str) -> str:
    return sign_token(signature_id, secret, salt=CONFIRM_SALT, timed=True)


def management_token(signature_id: int, secret: str) -> str:
    return sign_token(signature_id, secret, salt=MANAGE_SALT, timed=False)


def read_confirmation_token(token: str) -> tuple[int, str]:
    return read_token(token, salt=CONFIRM_SALT, max_age=CONFIRMATION_VALIDITY)


def read_management_token(token: str) -> tuple[int, str]:
    return read_token(token, salt=MANAGE_SALT)
