"""The links e-mailed to an organiser (see core.tokens).

The confirmation link expires after seven days; the private edit link works until the organiser's
contact is erased (the retention period), which also erases the secret it carries.
"""

from datetime import timedelta

from stoptheharm.core.tokens import read_token, sign_token

CONFIRMATION_VALIDITY = timedelta(days=7)
CONFIRM_SALT = "stoptheharm.localactions.confirm"
EDIT_SALT = "stoptheharm.localactions.edit"


def confirmation_token(action_id: int, secret: str) -> str:
    return sign_token(action_id, secret, salt=CONFIRM_SALT, timed=True)


def read_confirmation_token(token: str) -> tuple[int, str]:
    return read_token(token, salt=CONFIRM_SALT, max_age=CONFIRMATION_VALIDITY)


def edit_token(action_id: int, secret: str) -> str:
    return sign_token(action_id, secret, salt=EDIT_SALT, timed=False)


def read_edit_token(token: str) -> tuple[int, str]:
    return read_token(token, salt=EDIT_SALT)
