import re
import time

import pytest
from django.core import signing

from stoptheharm.petitions import challenge
from stoptheharm.petitions.models import ChallengeMode
from stoptheharm.petitions.tests.factories import create_petition

START = 1_800_000_000.0  # the start of a 10-minute window, so a test's counts stay in one


class Clock:
    def __init__(self) -> None:
        self.now = START


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """Moves time.time() for everything reading it: token timestamps and cache expiry alike."""
    fake = Clock()
    monkeypatch.setattr(time, "time", lambda: fake.now)
    return fake


@pytest.fixture
def small_threshold(settings):
    settings.PETITION_CHALLENGE = {"threshold": 3, "window_seconds": 600, "cooldown_seconds": 3600}


def right_answer(question: challenge.Question) -> int:
    first, second = re.fullmatch(r"What is (\d) \+ (\d)\?", question.text).groups()
    return int(first) + int(second)


def switch_on(petition_id: int) -> None:
    for _ in range(4):  # one more than small_threshold
        challenge.record_caught_submission(petition_id=petition_id)


def test_the_right_answer_to_a_question_is_accepted_however_it_is_typed():
    question = challenge.new_question()
    answer = right_answer(question)
    assert challenge.is_answered(token=question.token, answer=str(answer))
    assert challenge.is_answered(token=question.token, answer=f" {answer} ")
    arabic_indic = str(answer).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert challenge.is_answered(token=question.token, answer=arabic_indic)


@pytest.mark.parametrize("wrong", ["plus_one", "", "eleven", "1e1"])
def test_a_wrong_answer_is_rejected(wrong):
    question = challenge.new_question()
    answer = str(right_answer(question) + 1) if wrong == "plus_one" else wrong
    assert not challenge.is_answered(token=question.token, answer=answer)


def test_a_tampered_or_foreign_token_is_rejected():
    question = challenge.new_question()
    answer = str(right_answer(question))
    nonce, digest, signed_at_and_signature = question.token.split(":", 2)
    tampered = f"{nonce}:{digest[:-1]}{'1' if digest[-1] == '0' else '0'}:{signed_at_and_signature}"
    signer = signing.TimestampSigner(salt=challenge.QUESTION_SALT)
    other_nonce = signer.sign(f"another-nonce:{digest}")  # the digest holds for its own nonce only
    other_salt = signing.TimestampSigner(salt="stoptheharm.petitions.form-started").sign(signer.unsign(question.token))
    assert challenge.is_answered(token=question.token, answer=answer)
    for token in [tampered, other_nonce, other_salt, "", "garbage"]:
        assert not challenge.is_answered(token=token, answer=answer), token


def test_a_question_expires_after_half_an_hour(clock):
    question = challenge.new_question()
    answer = str(right_answer(question))
    clock.now = START + 29 * 60
    assert challenge.is_answered(token=question.token, answer=answer)
    clock.now = START + 31 * 60
    assert not challenge.is_answered(token=question.token, answer=answer)


@pytest.mark.django_db
def test_the_challenge_switches_on_past_the_threshold_for_that_petition_only(petition, section, small_threshold):
    other = create_petition(parent=section, slug="other")
    for _ in range(3):
        challenge.record_caught_submission(petition_id=petition.pk)
    assert not challenge.is_on(petition=petition)
    challenge.record_caught_submission(petition_id=petition.pk)
    assert challenge.is_on(petition=petition)
    assert not challenge.is_on(petition=other)


@pytest.mark.django_db
def test_counts_from_an_earlier_window_do_not_add_up(petition, small_threshold, clock):
    for _ in range(3):
        challenge.record_caught_submission(petition_id=petition.pk)
    clock.now = START + 600
    challenge.record_caught_submission(petition_id=petition.pk)
    assert not challenge.is_on(petition=petition)


@pytest.mark.django_db
def test_the_cool_down_runs_from_the_last_time_the_threshold_was_passed(petition, small_threshold, clock):
    switch_on(petition.pk)
    clock.now = START + 500
    challenge.record_caught_submission(petition_id=petition.pk)  # still in the window: past the threshold again
    clock.now = START + 500 + 3599
    assert challenge.is_on(petition=petition)
    clock.now = START + 500 + 3601
    assert not challenge.is_on(petition=petition)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("mode", "attacked", "expected"),
    [
        (ChallengeMode.AUTO, False, False),
        (ChallengeMode.AUTO, True, True),
        (ChallengeMode.ALWAYS, False, True),
        (ChallengeMode.NEVER, True, False),
    ],
)
def test_editors_can_force_the_challenge_on_or_off(section, small_threshold, mode, attacked, expected):
    petition = create_petition(parent=section, challenge=mode)
    if attacked:
        switch_on(petition.pk)
    assert challenge.is_on(petition=petition) is expected


@pytest.mark.django_db
def test_asking_whether_the_challenge_is_on_queries_no_database(petition, django_assert_num_queries):
    with django_assert_num_queries(0):
        challenge.is_on(petition=petition)
