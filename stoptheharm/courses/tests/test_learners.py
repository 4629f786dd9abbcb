"""Keeping course progress with a private link e-mailed to the learner (decision 0014)."""

import email.policy
import io
import re
import time
from datetime import timedelta
from email import message_from_bytes

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from stoptheharm.courses import services
from stoptheharm.courses.forms import STARTED_SALT
from stoptheharm.courses.models import Learner
from stoptheharm.courses.retention import delete_stale_learners
from stoptheharm.courses.tests.factories import translate_page
from stoptheharm.courses.tokens import learner_token


def keep_url(course) -> str:
    return f"/en/courses/{course.pk}/keep-progress/"


def key(lesson) -> str:
    return str(lesson.translation_key)


def form_data(*completed: str, **fields) -> dict:
    data = {
        "email": "Learner@Example.org ",
        "completed": " ".join(completed),
        "started": signing.dumps(time.time() - 60, salt=STARTED_SALT),  # shown a minute ago
    }
    return {name: value for name, value in (data | fields).items() if value is not None}


def parsed(content: bytes):
    message = message_from_bytes(content, policy=email.policy.SMTP)
    text, html = (part.get_content() for part in message.iter_parts())
    return message, text, html


def link_path(text: str) -> str:
    return re.search(r"https?://[^/\s]+(/\w+/courses/progress/\S+/)", text).group(1)


def add_learner(course, email="learner@example.org", *, completed=(), confirmed=True) -> Learner:
    now = timezone.now()
    return Learner.objects.create(
        course=course,
        email=email,
        secret="s" * 43,
        completed=sorted(completed),
        language="en",
        confirmed_at=now if confirmed else None,
        last_used_at=now if confirmed else None,
    )


def request_link(course, *completed: str, email="Learner@Example.org", language="en", ip_address="192.0.2.1"):
    services.request_progress_link(
        course=course, email=email, completed=list(completed), language=language, ip_address=ip_address
    )


@pytest.mark.django_db
def test_the_course_page_offers_to_keep_progress_with_the_lessons_keys_for_the_script(client, course, lessons):
    response = client.get(course.url)
    html = response.content.decode()
    assert "Keep my progress: e-mail me a private link" in html
    assert f'action="{keep_url(course)}"' in html
    assert all(key(lesson) in html.split('data-progress-keys="', 1)[1].split('"', 1)[0] for lesson in lessons.values())
    assert not response.cookies


@pytest.mark.django_db
def test_a_learner_keeps_their_progress_opens_it_elsewhere_saves_more_and_forgets_it(
    client, course, lessons, smtp_inbox, django_capture_on_commit_callbacks
):
    principles, evidence, audiences = lessons["principles"], lessons["evidence"], lessons["audiences"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(keep_url(course), form_data(key(principles)))
    assert response["Location"] == f"/en/courses/{course.pk}/keep-progress/sent/"
    assert "Check your e-mail" in client.get(response["Location"]).content.decode()
    assert not response.cookies

    [(_sender, recipients, content)] = smtp_inbox.messages
    assert recipients == ["learner@example.org"]
    message, text, html = parsed(content)
    assert "Advocacy course" in message["Subject"]
    assert "Open it and press the button to start keeping your progress" in text
    assert "<img" not in html
    path = link_path(text)
    assert path in html

    page = client.get(path)
    assert "Open my saved progress" in page.content.decode()
    learner = Learner.objects.get()
    assert learner.confirmed_at is None and learner.completed == [key(principles)]  # a GET changes nothing

    opened = client.post(path, {"completed": key(evidence)})  # another browser, which did another lesson
    html = opened.content.decode()
    learner.refresh_from_db()
    assert learner.confirmed_at is not None and learner.last_used_at is not None
    assert learner.completed == sorted([key(principles), key(evidence)])  # the union
    saved = html.split('data-saved-progress="', 1)[1].split('"', 1)[0].split()
    assert sorted(saved) == learner.completed  # handed to the browser's storage
    assert f'href="{principles.url}"' in html and f'href="{evidence.url}"' in html  # listed without JavaScript
    assert "Save my progress now" in html

    client.post(path, {"completed": f"{key(evidence)} {key(audiences)}"})
    learner.refresh_from_db()
    assert learner.completed == sorted(key(lesson) for lesson in lessons.values())

    assert "Forget me" in client.get(f"{path}forget/").content.decode()
    assert Learner.objects.exists()  # a GET changes nothing
    assert "Forgotten" in client.post(f"{path}forget/").content.decode()
    assert not Learner.objects.exists()
    assert client.post(path, {"completed": ""}).status_code == 404


@pytest.mark.django_db
def test_a_known_address_sees_the_same_page_and_its_e_mail_says_so(
    client, course, lessons, smtp_inbox, django_capture_on_commit_callbacks
):
    learner = add_learner(course, completed=[key(lessons["audiences"])])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(keep_url(course), form_data(key(lessons["principles"])))
    assert response["Location"] == f"/en/courses/{course.pk}/keep-progress/sent/"
    [(_sender, _recipients, content)] = smtp_inbox.messages
    _message, text, _html = parsed(content)
    assert "This address keeps its progress already: nothing has changed." in text
    assert link_path(text) == f"/en/courses/progress/{learner_token(learner.pk, learner.secret)}/"
    learner.refresh_from_db()
    assert learner.completed == [key(lessons["audiences"])]  # an unconfirmed request changes nobody's progress


@pytest.mark.django_db
def test_the_e_mail_is_in_the_learners_language_and_the_row_belongs_to_the_original_course(
    client, course, lessons, smtp_inbox, django_capture_on_commit_callbacks
):
    french = translate_page(course, "fr", title="Cours de plaidoyer")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/courses/{french.pk}/keep-progress/", form_data(key(lessons["principles"])))
    learner = Learner.objects.get()
    assert learner.course_id == course.pk and learner.language == "fr"
    message, text, _html = parsed(smtp_inbox.messages[0][2])
    assert message["Subject"] == "Votre lien privé pour garder votre progression : Cours de plaidoyer"
    assert "/fr/courses/progress/" in text


@pytest.mark.django_db
def test_addresses_are_normalised_and_repeated_requests_keep_one_row_with_the_union(course, lessons):
    request_link(course, key(lessons["principles"]))
    request_link(course, key(lessons["evidence"]), email="  LEARNER@example.ORG")
    learner = Learner.objects.get()
    assert learner.email == "learner@example.org"
    assert learner.completed == sorted([key(lessons["principles"]), key(lessons["evidence"])])


@pytest.mark.django_db
def test_lesson_keys_not_in_the_course_are_refused(client, course, lessons):
    with pytest.raises(ValidationError):
        request_link(course, "00000000-0000-0000-0000-000000000000")
    response = client.post(keep_url(course), form_data("not-a-lesson", email="learner@"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Some of the lessons sent are not part of this course." in html
    assert "Enter a valid email address." in html and 'value="learner@"' in html
    learner = add_learner(course)
    path = f"/en/courses/progress/{learner_token(learner.pk, learner.secret)}/"
    assert client.post(path, {"completed": "not-a-lesson"}).status_code == 400
    learner.refresh_from_db()
    assert learner.completed == []


@pytest.mark.django_db
def test_the_form_page_and_the_certificate_lead_to_it_and_oversized_input_is_refused(client, course, lessons):
    assert keep_url(course) in client.get(f"/en/courses/{course.pk}/certificate/").content.decode()
    page = client.get(keep_url(course))
    assert page.status_code == 200 and "E-mail me a private link" in page.content.decode()
    response = client.post(keep_url(course), form_data(" ".join([key(lessons["principles"])] * 600)))
    assert response.status_code == 400
    assert not Learner.objects.exists()


@pytest.mark.django_db
def test_altered_and_forged_links_do_nothing(client, course):
    learner = add_learner(course, confirmed=False)
    token = learner_token(learner.pk, learner.secret)
    assert client.get(f"/en/courses/progress/{token}x/").status_code == 404
    assert client.post(f"/en/courses/progress/{token}x/", {"completed": ""}).status_code == 404
    forged = learner_token(learner.pk, "not-the-secret")
    assert client.post(f"/en/courses/progress/{forged}/", {"completed": ""}).status_code == 404
    assert client.post(f"/en/courses/progress/{forged}/forget/").status_code == 200
    assert client.post(f"/en/courses/progress/{token}x/forget/").status_code == 404
    learner.refresh_from_db()
    assert learner.confirmed_at is None


@pytest.mark.django_db
def test_bots_and_floods_get_the_same_page_and_nothing_is_stored_or_sent(
    client, course, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.COURSE_PROGRESS_LIMITS = settings.COURSE_PROGRESS_LIMITS | {"per_email": 2}
    sent = f"/en/courses/{course.pk}/keep-progress/sent/"
    honeypot = client.post(keep_url(course), form_data(homepage="http://spam.example"))
    too_fast = client.post(keep_url(course), form_data(started=signing.dumps(time.time(), salt=STARTED_SALT)))
    assert honeypot["Location"] == too_fast["Location"] == sent
    assert not Learner.objects.exists()
    for _attempt in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(keep_url(course), form_data())["Location"] == sent
    assert Learner.objects.count() == 1
    assert len(mailoutbox) == 2  # the third, over the per-address limit, was dropped


@pytest.mark.django_db
def test_a_form_sent_from_another_site_is_refused(client, course):
    response = client.post(keep_url(course), form_data(), headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert not Learner.objects.exists()


@pytest.mark.django_db
def test_unconfirmed_and_unused_learners_are_deleted_by_manage_py_apply_retention(course):
    old_request = add_learner(course, "old@example.org", confirmed=False)
    recent_request = add_learner(course, "recent@example.org", confirmed=False)
    unused = add_learner(course, "unused@example.org")
    used = add_learner(course, "used@example.org")
    Learner.objects.filter(pk=old_request.pk).update(created_at=timezone.now() - timedelta(days=8))
    Learner.objects.filter(pk=unused.pk).update(last_used_at=timezone.now() - timedelta(days=366))
    Learner.objects.filter(pk=used.pk).update(
        created_at=timezone.now() - timedelta(days=700), last_used_at=timezone.now() - timedelta(days=300)
    )
    output = io.StringIO()
    call_command("apply_retention", stdout=output)
    assert "Courses: deleted 2 unconfirmed or unused saved progress record(s)." in output.getvalue()
    assert delete_stale_learners() == 0
    assert set(Learner.objects.values_list("pk", flat=True)) == {recent_request.pk, used.pk}
