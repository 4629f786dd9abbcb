"""The private link e-mailed to a learner who keeps their progress (see core.tokens).

Untimed: it is the learner's key for as long as the row lives; a request never confirmed is deleted
after seven days and an unused one after months (retention.py), which ends its link too.
"""

from stoptheharm.core.tokens import read_token, sign_token

SALT = "stoptheharm.courses.learner"


def learner_token(learner_id: int, secret: str) -> str:
    return sign_token(learner_id, secret, salt=SALT, timed=False)


def read_learner_token(token: str) -> tuple[int, str]:
    """The learner's id and secret; InvalidToken when the token was altered."""
    return read_token(token, salt=SALT)
