"""The links e-mailed to subscribers (see core.tokens): confirming expires in seven days, unsubscribing never does."""

from datetime import timedelta

from stoptheharm.core.tokens import read_token, sign_token

CONFIRMATION_VALIDITY = timedelta(days=7)
CONFIRM_SALT = "stoptheharm.alerts.confirm-subscription"
UNSUBSCRIBE_SALT = "stoptheharm.alerts.unsubscribe"


def confirmation_token(subscription_id: int, secret: str) -> str:
    return sign_token(subscription_id, secret, salt=CONFIRM_SALT, timed=True)


def read_confirmation_token(token: str) -> tuple[int, str]:
    return read_token(token, salt=CONFIRM_SALT, max_age=CONFIRMATION_VALIDITY)


def unsubscribe_token(subscription_id: int, secret: str) -> str:
    return sign_token(subscription_id, secret, salt=UNSUBSCRIBE_SALT, timed=False)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    return read_token(token, salt=UNSUBSCRIBE_SALT)
