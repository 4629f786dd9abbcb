"""The question the signing form asks while a petition is under attack.

Submissions held or caught (honeypot, time trap, over a limit, a wrong answer here) are counted per
petition in a fixed window in the cache; past `PETITION_CHALLENGE["threshold"]` the challenge is on
for the cool-down, counted from the last time the threshold was passed. Editors can force it on or
off (`PetitionPage.challenge`). Asking whether it is on reads this process's memory, and the shared
cache at most every ON_STATE_SECONDS: no query.

The question is a sum of two digits, made on the server, answerable without JavaScript. Its answer
travels with the form as a keyed digest inside a signed, timestamped token, so nothing is stored and
the answer is not in the page. A token can be answered more than once while it is valid: software
that reads the page can answer the question anyway, so the challenge stops the software that fills
in fields blindly, and the limits and staff review stay the real defence.
"""

import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache, caches
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext

from stoptheharm.petitions import limits
from stoptheharm.petitions.models import ChallengeMode, PetitionPage

QUESTION_SALT = "stoptheharm.petitions.challenge"
ANSWER_SALT = "stoptheharm.petitions.challenge-answer"
TOKEN_VALIDITY = timedelta(minutes=30)
ON_STATE_SECONDS = 2


@dataclass(frozen=True)
class Question:
    text: str
    token: str


def is_on(*, petition: PetitionPage) -> bool:
    """Whether the signing form asks the question; pass the canonical petition, which keeps the count."""
    if petition.challenge != ChallengeMode.AUTO:
        return petition.challenge == ChallengeMode.ALWAYS
    # Asked on every signature: each process remembers the answer for a moment (ON_STATE_SECONDS).
    return caches["local"].get_or_set(
        _on_key(petition.pk), lambda: bool(cache.get(_on_key(petition.pk))), ON_STATE_SECONDS
    )


def record_caught_submission(*, petition_id: int) -> None:
    """Count a held or caught submission; past the threshold, switch the challenge on for the cool-down."""
    config = settings.PETITION_CHALLENGE
    [caught] = limits.count_attempts([f"caught:{petition_id}"], config["window_seconds"])
    if caught > config["threshold"]:
        cache.set(_on_key(petition_id), True, timeout=config["cooldown_seconds"])
        caches["local"].delete(_on_key(petition_id))  # this process knows at once; the others within moments


def new_question() -> Question:
    """A sum of two digits, in the active language, with the token that holds its answer."""
    first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    nonce = secrets.token_urlsafe(12)
    token = signing.TimestampSigner(salt=QUESTION_SALT).sign(f"{nonce}:{_answer_digest(nonce, first + second)}")
    return Question(text=gettext("What is %(first)d + %(second)d?") % {"first": first, "second": second}, token=token)


def is_answered(*, token: str, answer: str) -> bool:
    """Whether the answer is right for the question the token came with, and the token is ours and still valid."""
    try:
        value = signing.TimestampSigner(salt=QUESTION_SALT).unsign(token, max_age=TOKEN_VALIDITY)
        number = int(answer)  # any script's digits, surrounding spaces allowed
    except (signing.BadSignature, ValueError):  # an expired token is a bad signature too
        return False
    nonce, _separator, digest = value.partition(":")
    return hmac.compare_digest(digest, _answer_digest(nonce, number))


def _answer_digest(nonce: str, answer: int) -> str:
    return salted_hmac(ANSWER_SALT, f"{nonce}:{answer}", algorithm="sha256").hexdigest()


def _on_key(petition_id: int) -> str:
    return f"petitions:challenge-on:{petition_id}"
