"""The link e-mailed to an applicant's contact to confirm the application (see core.tokens): expires in seven days."""

from datetime import timedelta

from stoptheharm.core.tokens import read_token, sign_token

CONFIRMATION_VALIDITY = timedelta(days=7)
CONFIRM_SALT = "stoptheharm.organisations.confirm-application"


def confirmation_token(application_id: int, secret: str) -> str:
    return sign_token(application_id, secret, salt=CONFIRM_SALT, timed=True)


def read_confirmation_token(token: str) -> tuple[int, str]:
    return read_token(token, salt=CONFIRM_SALT, max_age=CONFIRMATION_VALIDITY)
