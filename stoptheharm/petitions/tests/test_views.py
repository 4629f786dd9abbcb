import json
import re
import time
from datetime import timedelta
from email import message_from_bytes

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stoptheharm.petitions import challenge, tokens
from stoptheharm.petitions.forms import started_stamp
from stoptheharm.petitions.mailing import deliver_due_emails
from stoptheharm.petitions.models import ChallengeMode, Signature, SignatureStatus
from stoptheharm.petitions.tests.factories import add_signature, closed_fields, create_petition

VALID = {
    "name": "Amina Diallo",
    "email": "amina@example.org",
    "country": "PT",
    "consent": "on",
    "started": started_stamp(time.time() - 30),  # shown half a minute ago
}


PAGE_ACTIONS = ["withdraw/", "download/", "erase/"]


def sign_url(petition) -> str:
    return f"/en/petitions/{petition.pk}/sign/"


def confirm_path_from_email() -> str:
    return re.search(r"https?://[^/]+(/[a-z]{2}/petitions/confirm/\S+)", mail.outbox[-1].body).group(1)


@pytest.mark.django_db
def test_the_petition_page_shows_the_form_targets_and_count(client, petition):
    content = client.get(petition.url).content.decode()
    assert "Ban Ki-moon, Secretary-General, United Nations" in content
    assert f'action="/en/petitions/{petition.pk}/sign/"' in content
    assert "<strong>0</strong> supporters" in content
    assert '<option value="PT">Portugal</option>' in content


@pytest.mark.django_db
def test_country_names_follow_the_page_language(client, petition):
    content = client.get(petition.url.replace("/en/", "/fr/", 1)).content.decode()
    assert '<option value="DE">Allemagne</option>' in content


@pytest.mark.django_db
def test_a_new_and_an_already_used_address_see_the_same_page(client, petition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(sign_url(petition), VALID, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(sign_url(petition), VALID | {"name": "Not Amina"}, follow=True)
    assert first.redirect_chain == second.redirect_chain == [(f"/en/petitions/{petition.pk}/thank-you/", 302)]
    assert first.content == second.content
    assert Signature.objects.count() == 1
    assert len(mail.outbox) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("name", "A" * 101, "at most 100 characters"),
        ("name", "Amina\u202eevil", "invisible formatting"),
        ("name", "Amina\u200b", "invisible formatting"),
        ("email", "not-an-address", "valid email address"),
        ("country", "XX", "Select a valid choice"),
        ("consent", "", "only be counted with your agreement"),
    ],
)
def test_bad_input_is_explained_beside_the_field_and_what_was_typed_is_kept(client, petition, field, value, error):
    data = VALID | {field: value}
    if not value:
        del data[field]
    response = client.post(sign_url(petition), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert re.search(rf'id="id_{field}_error">[^<]*{re.escape(error)}', content), content
    assert f'aria-describedby="id_{field}_error"' in content
    assert 'value="amina@example.org"' in content or field == "email"
    assert f'name="started" value="{VALID["started"]}"' in content  # a person correcting it is not "too fast"
    assert not Signature.objects.exists()


@pytest.mark.django_db
def test_a_hostile_name_is_stored_as_typed_and_rendered_inert(client, petition, django_capture_on_commit_callbacks):
    hostile = '<script>alert("x")</script>'
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_url(petition), VALID | {"name": hostile})
    assert Signature.objects.get().name == hostile
    assert hostile not in mail.outbox[0].alternatives[0].content
    assert "&lt;script&gt;" in mail.outbox[0].alternatives[0].content


@pytest.mark.django_db
def test_a_filled_honeypot_is_thanked_and_dropped(client, petition):
    response = client.post(sign_url(petition), VALID | {"website": "http://spam.example"})
    assert response.status_code == 302
    assert not Signature.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_closed_petition_shows_its_total_and_no_form(client, section):
    closed = create_petition(parent=section, slug="closed", imported_count=12122, **closed_fields())
    content = client.get(closed.url).content.decode()
    assert "This petition had <strong>12122</strong> supporters." in content
    assert "<form" not in content.split("<main", 1)[1]
    response = client.post(sign_url(closed), VALID)
    assert "This petition has closed." in response.content.decode()
    assert not Signature.objects.exists()


@pytest.mark.django_db
def test_opening_the_link_asks_for_a_press_and_pressing_counts(client, petition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_url(petition), VALID)
    path = confirm_path_from_email()

    assert "Confirm my signature" in client.get(path).content.decode()
    assert Signature.objects.get().status == SignatureStatus.PENDING  # a mail scanner's visit counts nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert "your signature counts" in response.content.decode()
    assert Signature.objects.get().status == SignatureStatus.CONFIRMED
    assert "<strong>1</strong> supporter" in client.get(petition.url).content.decode()


@pytest.mark.django_db
def test_a_broken_link_says_so(client, petition):
    response = client.post("/en/petitions/confirm/1:abc:def/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


@pytest.mark.django_db
def test_signing_pages_are_never_cached(client, petition):
    response = client.post(sign_url(petition), VALID)
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_confirmation_travels_through_a_real_smtp_server(
    client, petition, smtp_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_url(petition), VALID)

    [(sender, recipients, content)] = smtp_inbox.messages
    assert recipients == ["amina@example.org"]
    assert sender in settings.DEFAULT_FROM_EMAIL
    message = message_from_bytes(content)
    assert message.get_content_type() == "multipart/alternative"
    text, html = (part.get_payload(decode=True).decode() for part in message.get_payload())
    assert "/en/petitions/confirm/" in text
    assert "/en/petitions/confirm/" in html
    assert "<img" not in html  # no tracking pixel


@pytest.mark.django_db
def test_a_failing_mail_server_loses_no_signature_and_the_email_goes_once_it_recovers(
    client, petition, smtp_inbox, django_capture_on_commit_callbacks, monkeypatch
):
    smtp_inbox.refuse_next = 2
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sign_url(petition), VALID)
    assert response["Location"] == f"/en/petitions/{petition.pk}/thank-you/"
    assert Signature.objects.get().status == SignatureStatus.PENDING
    assert smtp_inbox.messages == []  # refused: waits, counted as an attempt
    for minutes in (2, 5):  # the worker's later tries
        later = timezone.now() + timedelta(minutes=minutes)
        monkeypatch.setattr("stoptheharm.petitions.mailing.timezone.now", lambda moment=later: moment)
        deliver_due_emails()
        deliver_due_emails()  # again: an e-mail goes once

    [(_sender, recipients, _content)] = smtp_inbox.messages  # refused twice, then sent once
    assert recipients == ["amina@example.org"]
    assert Signature.objects.get().email_due == ""


@pytest.mark.django_db
def test_a_signer_on_the_french_page_gets_a_french_email_with_french_links(
    client, petition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sign_url(petition).replace("/en/", "/fr/", 1), VALID)
    assert response["Location"] == f"/fr/petitions/{petition.pk}/thank-you/"
    [message] = mail.outbox
    assert Signature.objects.get().language == "fr"
    assert message.subject == f"Veuillez confirmer votre signature\u00a0: {petition.title}"
    assert "Bonjour Amina Diallo" in message.body
    assert "/fr/petitions/confirm/" in message.body


@pytest.mark.django_db
@pytest.mark.parametrize("started", [None, "forged", "now"])
def test_a_form_sent_without_our_stamp_or_too_fast_is_held_with_the_same_page(client, petition, started):
    data = VALID | {"started": started_stamp() if started == "now" else started}
    if started is None:
        del data["started"]
    response = client.post(sign_url(petition), data)
    assert response["Location"] == f"/en/petitions/{petition.pk}/thank-you/"
    assert Signature.objects.get().status == SignatureStatus.HELD


@pytest.mark.django_db
def test_the_limit_counts_the_address_our_proxy_saw_not_the_one_the_client_claims(client, petition, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.PETITION_LIMITS = settings.PETITION_LIMITS | {"per_ip": 3}
    for number in range(5):
        client.post(
            sign_url(petition),
            VALID | {"email": f"p{number}@example.org"},
            HTTP_X_FORWARDED_FOR=f"10.{number}.0.1, 203.0.113.9",
        )
    statuses = list(Signature.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == [SignatureStatus.PENDING] * 3 + [SignatureStatus.HELD] * 2


@pytest.mark.django_db
def test_only_confirmed_signers_who_opted_in_are_listed_by_first_name_and_initial(client, petition):
    from django.utils import timezone

    common = {"petition": petition, "country": "KE", "language": "en", "consents": {}, "secret": "s"}
    Signature.objects.create(
        name="Amina Wanjiru Otieno",
        email="a@example.org",
        is_public=True,
        status=SignatureStatus.CONFIRMED,
        confirmed_at=timezone.now(),
        **common,
    )
    Signature.objects.create(
        name="Hidden Person",
        email="h@example.org",
        is_public=False,
        status=SignatureStatus.CONFIRMED,
        confirmed_at=timezone.now(),
        **common,
    )
    Signature.objects.create(name="Pending Person", email="p@example.org", is_public=True, **common)

    content = client.get(petition.url).content.decode()
    assert "Amina O. · Kenya" in content
    for hidden in ["Otieno", "Hidden", "Pending", "a@example.org"]:
        assert hidden not in content


@pytest.mark.django_db
def test_share_links_are_plain_links_and_open_graph_describes_the_petition(client, petition):
    content = client.get(petition.url).content.decode()
    assert '<meta property="og:title" content="Help treat drug use as a public health issue">' in content
    assert "https://wa.me/?text=Help%20treat%20drug%20use" in content
    assert "https://t.me/share/url?url=http%3A%2F%2Ftestserver%2Fen%2F" in content
    assert "<script" not in content


@pytest.mark.django_db
def test_signing_a_translation_counts_for_the_petition_in_every_language(
    client, petition, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    french = petition.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french.title = "Traiter l'usage de drogues comme une question de santé"
    french.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/petitions/{french.pk}/sign/", VALID)
    assert Signature.objects.get().petition_id == petition.pk
    assert "Veuillez confirmer" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_path_from_email())
    assert "<strong>1</strong>" in client.get(french.url).content.decode()
    assert "<strong>1</strong>" in client.get(petition.url).content.decode()


@pytest.mark.django_db
def test_resending_answers_the_same_for_any_address_and_sends_only_to_unconfirmed_signers(
    client, petition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_url(petition), VALID)
    resend_url = f"/en/petitions/{petition.pk}/resend/"
    with django_capture_on_commit_callbacks(execute=True):
        signed = client.post(resend_url, {"email": "AMINA@example.org"})
        stranger = client.post(resend_url, {"email": "nobody@example.org"})
    assert signed.status_code == stranger.status_code == 200
    assert signed.content == stranger.content
    assert [message.to for message in mail.outbox] == [["amina@example.org"], ["amina@example.org"]]
    assert "/en/petitions/confirm/" in mail.outbox[1].body

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            client.post(resend_url, {"email": "amina@example.org"})
    assert len(mail.outbox) == 3  # the cap per signature holds whatever anyone submits


@pytest.mark.django_db
def test_resending_to_a_confirmed_signer_sends_nothing(client, petition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_url(petition), VALID)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_path_from_email())
        client.post(f"/en/petitions/{petition.pk}/resend/", {"email": "amina@example.org"})
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_withdrawal_link_asks_then_withdraws(client, petition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_url(petition), VALID)
    assert "To withdraw your signature, or to download or erase your data:" in mail.outbox[-1].body
    path = re.search(r"https?://[^/]+(/en/petitions/signature/\S+)", mail.outbox[-1].body).group(1)
    content = client.get(path).content.decode()
    assert f'<form method="post" action="{path}withdraw/">' in content
    assert "Withdraw my signature" in content
    assert Signature.objects.get().status == SignatureStatus.PENDING
    response = client.post(f"{path}withdraw/")
    assert "no longer counts" in response.content.decode()
    assert Signature.objects.get().status == SignatureStatus.WITHDRAWN


QUESTION = re.compile(r'<label for="id_challenge">What is (\d) \+ (\d)\?</label>')
QUESTION_TOKEN = re.compile(r'<input type="hidden" name="challenge_token" value="([^"]+)"')


@pytest.fixture
def under_attack(petition, settings):
    """More held or caught submissions to the petition than the threshold, within the window."""
    settings.PETITION_CHALLENGE = {"threshold": 3, "window_seconds": 600, "cooldown_seconds": 3600}
    for _ in range(4):
        challenge.record_caught_submission(petition_id=petition.pk)
    return petition


def answered(content: str) -> dict:
    """The form's fields for the question on a page, answered right."""
    first, second = QUESTION.search(content).groups()
    return {"challenge_token": QUESTION_TOKEN.search(content).group(1), "challenge": str(int(first) + int(second))}


@pytest.mark.django_db
def test_when_not_under_attack_the_form_asks_no_question(client, petition):
    content = client.get(petition.url).content.decode()
    assert 'name="challenge' not in content
    assert 'name="website"' in content


@pytest.mark.django_db
def test_under_attack_the_form_asks_a_question_and_a_right_answer_signs(client, under_attack):
    content = client.get(under_attack.url).content.decode()
    assert QUESTION.search(content), content
    assert 'aria-describedby="id_challenge_helptext"' in content
    assert 'id="id_challenge_helptext"' in content

    response = client.post(sign_url(under_attack), VALID | answered(content))
    assert response["Location"] == f"/en/petitions/{under_attack.pk}/thank-you/"
    assert Signature.objects.get().status == SignatureStatus.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize("answer", [None, "wrong", "expired"])
def test_under_attack_a_missing_or_wrong_answer_is_explained_beside_the_field_keeping_what_was_typed(
    client, under_attack, answer, monkeypatch
):
    content = client.get(under_attack.url).content.decode()
    data = VALID | answered(content)
    if answer is None:
        del data["challenge"]
    elif answer == "wrong":
        data["challenge"] = str(int(data["challenge"]) + 1)
    else:
        monkeypatch.setattr(challenge, "TOKEN_VALIDITY", timedelta(seconds=-1))

    response = client.post(sign_url(under_attack), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'id="id_challenge_error">[^<]*(answer the question|not the answer)', content), content
    assert 'aria-describedby="id_challenge_helptext id_challenge_error"' in content
    assert 'value="amina@example.org"' in content
    assert 'value="Amina Diallo"' in content
    assert QUESTION_TOKEN.search(content).group(1) != data["challenge_token"]  # a new question
    assert re.search(r'<input type="text" name="challenge" [^>]*>', content).group(0).count("value=") == 0
    assert not Signature.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "caught",
    [
        {"website": "http://spam.example"},  # the honeypot
        {"started": "forged"},  # the time trap
        {"challenge": "0"},  # a wrong answer while an editor has the question asked always
    ],
)
def test_caught_submissions_switch_the_challenge_on(client, petition, settings, caught):
    settings.PETITION_CHALLENGE = {"threshold": 3, "window_seconds": 600, "cooldown_seconds": 3600}
    if "challenge" in caught:
        petition.challenge = ChallengeMode.ALWAYS
        petition.save_revision().publish()
    for number in range(4):
        client.post(sign_url(petition), VALID | caught | {"email": f"p{number}@example.org"})
    petition.challenge = ChallengeMode.AUTO
    petition.save_revision().publish()
    assert QUESTION.search(client.get(petition.url).content.decode())


@pytest.mark.django_db
def test_the_question_costs_the_page_no_query(client, petition, settings):
    client.get(petition.url)  # fills the caches both measurements then share
    with CaptureQueriesContext(connection) as calm:
        client.get(petition.url)
    settings.PETITION_CHALLENGE = {"threshold": 0, "window_seconds": 600, "cooldown_seconds": 3600}
    challenge.record_caught_submission(petition_id=petition.pk)
    with CaptureQueriesContext(connection) as attacked:
        content = client.get(petition.url).content.decode()
    assert QUESTION.search(content)
    assert len(attacked) == len(calm)


def manage_path(signature) -> str:
    return f"/en/petitions/signature/{tokens.management_token(signature.pk, signature.secret)}/"


def stored_signatures() -> list[dict]:
    return list(Signature.objects.order_by("pk").values())


@pytest.mark.django_db
def test_opening_any_of_the_signers_pages_changes_nothing(client, petition):
    signature = add_signature(petition, "amina@example.org")
    before = stored_signatures()
    path = manage_path(signature)

    manage = client.get(path).content.decode()
    for action in ["withdraw", "download", "erase"]:
        assert f'action="{path}{action}/"' in manage
    assert "Erase my data" in client.get(f"{path}erase/").content.decode()
    assert client.get(f"{path}withdraw/")["Location"] == path
    assert client.get(f"{path}download/")["Location"] == path
    assert stored_signatures() == before


@pytest.mark.django_db
def test_the_download_is_a_json_attachment_never_cached(client, petition):
    signature = add_signature(petition, "amina@example.org", name="Amína Ωmega")
    response = client.post(f"{manage_path(signature)}download/")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    assert "Amína Ωmega" in response.content.decode("utf-8")  # readable, not \u-escaped
    [entry] = json.loads(response.content)["signatures"]
    assert (entry["name"], entry["petition"]["title"]) == ("Amína Ωmega", petition.title)


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "action"), [("get", ""), ("get", "erase/"), *[("post", a) for a in PAGE_ACTIONS]])
def test_an_altered_link_gets_the_invalid_link_page_for_every_action(client, petition, method, action):
    signature = add_signature(petition, "amina@example.org")
    before = stored_signatures()
    altered = manage_path(signature)[:-3] + "xx/"
    response = getattr(client, method)(f"{altered}{action}")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert stored_signatures() == before


@pytest.mark.django_db
@pytest.mark.parametrize("action", PAGE_ACTIONS)
def test_a_signers_action_sent_from_another_site_is_refused(client, petition, action):
    signature = add_signature(petition, "amina@example.org")
    before = stored_signatures()
    response = client.post(f"{manage_path(signature)}{action}", HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert stored_signatures() == before
    same_site = client.post(f"{manage_path(signature)}{action}", HTTP_SEC_FETCH_SITE="same-origin")
    assert same_site.status_code == 200


@pytest.mark.django_db
def test_erasing_asks_then_erases_and_the_old_link_then_works_no_more(client, petition):
    signature = add_signature(petition, "amina@example.org", country="KE")
    path = manage_path(signature)
    assert client.get(path).status_code == 200  # and not kept by the page cache: it says 404 once erased
    assert "keeps counting, anonymously" in client.get(f"{path}erase/").content.decode()

    response = client.post(f"{path}erase/")
    assert response.status_code == 200
    assert "Your data has been erased" in response.content.decode()
    assert not Signature.objects.filter(email="amina@example.org").exists()
    assert "<strong>1</strong> supporter" in client.get(petition.url).content.decode()

    erased = stored_signatures()
    for method, action in [("get", ""), ("post", "erase/"), ("post", "download/"), ("post", "withdraw/")]:
        again = getattr(client, method)(f"{path}{action}")
        assert again.status_code == 404
        assert "This link does not work" in again.content.decode()
    assert stored_signatures() == erased


@pytest.mark.django_db
def test_hostile_names_and_titles_are_rendered_inert_on_the_signers_pages(client, section):
    hostile = '<script>alert("x")</script>'
    petition = create_petition(parent=section, slug="hostile", title=hostile)
    signature = add_signature(petition, "amina@example.org", name=hostile)
    path = manage_path(signature)
    for response in [client.get(path), client.get(f"{path}erase/"), client.post(f"{path}withdraw/")]:
        content = response.content.decode()
        assert "<script" not in content
        assert "&lt;script&gt;" in content
    download = client.post(f"{path}download/")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment;")
    assert json.loads(download.content)["signatures"][0]["name"] == hostile
