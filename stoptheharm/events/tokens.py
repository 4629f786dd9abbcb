"""The token in the links e-mailed to attendees: their own page, to confirm, see the details or cancel.

Untimed: the link must work until the event; registrations never confirmed are deleted after
seven days (retention.py), which ends their links too.
"""

from stoptheharm.core.tokens import InvalidToken, new_secret, read_token, secrets_match, sign_token

__all__ = ["InvalidToken", "new_secret", "read_registration_token", "registration_token", "secrets_match"]

SALT = "stoptheharm.events.registration"


def registration_token(registration_id: int, secret: str) -> str:
    return sign_token(registration_id, secret, salt=SALT, timed=False)


def read_registration_token(token: str) -> tuple[int, str]:
    """The registration's id and secret; InvalidToken when the token was altered."""
    return read_token(token, salt=SALT)
