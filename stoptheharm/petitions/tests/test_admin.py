import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from stoptheharm.core.spreadsheets import neutralise
from stoptheharm.petitions.limits import network_hash
from stoptheharm.petitions.models import Signature, SignatureStatus
from stoptheharm.petitions.services import EXPORT_LOG_ACTION, INVALIDATE_GROUP_LOG_ACTION
from stoptheharm.petitions.tests.factories import add_signature, create_petition
from stoptheharm.petitions.trending import SourceKind, group_token

PASSWORD = "a long passphrase for tests"


def staff(username: str, *, can_export: bool):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD, is_staff=True)
    editors = Group.objects.get(name="Editors")  # Wagtail's default group: admin access, pages
    user.groups.add(editors)
    if can_export:
        user.user_permissions.add(Permission.objects.get(codename="export_signatures"))
    return user


@pytest.mark.parametrize(
    ("value", "cell"),
    [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tTab", "'\tTab"), ("Amina", "Amina"), ("O'Brien", "O'Brien"), (None, "")],
)  # fmt: skip
def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(value, cell):
    assert neutralise(value) == cell


@pytest.mark.django_db
def test_staff_with_the_export_permission_get_confirmed_signatures_and_the_export_is_logged(client, petition):
    add_signature(petition, "amina@example.org", is_public=True)
    add_signature(petition, "evil@example.org", name="=cmd|' /C calc'!A0")
    add_signature(petition, "pending@example.org", status=SignatureStatus.PENDING)
    add_signature(petition, "held@example.org", status=SignatureStatus.HELD)
    exporter = staff("nadia", can_export=True)
    client.force_login(exporter)

    response = client.get(f"/admin/petitions/{petition.pk}/signatures.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="signatures-{petition.slug}.csv"'
    body = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == [
        "name",
        "email",
        "country",
        "language",
        "confirmed_at",
        "public_list",
        "updates",
        "consent_version",
    ]
    assert sorted(row[1] for row in rows[1:]) == ["amina@example.org", "evil@example.org"]
    assert rows[1][:4] == ["Amina Diallo", "amina@example.org", "PT", "en"]
    assert rows[1][5:] == ["yes", "no", "2026-11-22"]
    assert rows[2][0] == "'=cmd|' /C calc'!A0"
    [entry] = PageLogEntry.objects.filter(action=EXPORT_LOG_ACTION)
    assert (entry.page_id, entry.user_id, entry.data) == (petition.pk, exporter.pk, {"signatures": 2})


@pytest.mark.django_db
def test_staff_without_the_export_permission_are_refused_and_nothing_is_logged(client, petition):
    add_signature(petition, "amina@example.org")
    client.force_login(staff("editor", can_export=False))
    response = client.get(f"/admin/petitions/{petition.pk}/signatures.csv")
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail: back with a refusal
    assert "amina@example.org" not in response.content.decode()
    assert not PageLogEntry.objects.filter(action=EXPORT_LOG_ACTION).exists()


@pytest.mark.django_db
def test_visitors_cannot_export(client, petition):
    response = client.get(f"/admin/petitions/{petition.pk}/signatures.csv")
    assert response.status_code in {302, 403}
    assert "csv" not in response.get("Content-Type", "")


@pytest.mark.django_db
def test_staff_search_and_filter_signatures_but_cannot_edit_them(admin_client, petition):
    add_signature(petition, "amina@example.org", name="Amina Diallo")
    other = add_signature(petition, "joao@example.org", name="João Silva", status=SignatureStatus.HELD)

    found = admin_client.get("/admin/signatures/", {"q": "joao"}).content.decode()
    assert "João Silva" in found
    assert "Amina Diallo" not in found
    held = admin_client.get("/admin/signatures/", {"status": "held"}).content.decode()
    assert "João Silva" in held
    assert "Amina Diallo" not in held
    assert admin_client.get(f"/admin/signatures/inspect/{other.pk}/").status_code == 200
    assert admin_client.get(f"/admin/signatures/edit/{other.pk}/").status_code in {302, 403}
    assert admin_client.post(f"/admin/signatures/delete/{other.pk}/").status_code in {302, 403}
    assert Signature.objects.filter(pk=other.pk, status=SignatureStatus.HELD).exists()
    assert not ModelLogEntry.objects.filter(object_id=str(other.pk)).exists()


@pytest.mark.django_db
def test_the_export_button_appears_for_exporters_only(client, petition):
    client.force_login(staff("nadia", can_export=True))
    assert (
        f"/admin/petitions/{petition.pk}/signatures.csv"
        in client.get(f"/admin/pages/{petition.pk}/edit/").content.decode()
    )
    client.force_login(staff("editor", can_export=False))
    assert "signatures.csv" not in client.get(f"/admin/pages/{petition.pk}/edit/").content.decode()


def moderator(username: str = "moderator"):
    user = staff(username, can_export=False)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_signature", "moderate_signatures"]))
    return user


@pytest.mark.django_db
def test_a_moderator_releases_a_held_signature_after_confirming_and_the_count_follows(
    client, petition, django_capture_on_commit_callbacks
):
    held = add_signature(petition, "held@example.org", status=SignatureStatus.HELD, confirmed_at=timezone.now())
    user = moderator()
    client.force_login(user)
    assert "/release/" in client.get("/admin/signatures/").content.decode()

    page = client.get(f"/admin/petitions/signatures/{held.pk}/release/")
    assert page.status_code == 200
    assert Signature.objects.get(pk=held.pk).status == SignatureStatus.HELD  # looking changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/petitions/signatures/{held.pk}/release/")
    assert response["Location"] == "/admin/signatures/"
    assert Signature.objects.get(pk=held.pk).status == SignatureStatus.CONFIRMED
    assert "<strong>1</strong>" in client.get(petition.url).content.decode()
    [entry] = ModelLogEntry.objects.filter(action="stoptheharm.petitions.release_signature")
    assert (entry.object_id, entry.user_id) == (str(held.pk), user.pk)


@pytest.mark.django_db
def test_invalidating_a_fraudulent_signature_takes_it_out_of_the_count(
    client, petition, django_capture_on_commit_callbacks
):
    fraudulent = add_signature(petition, "bot@example.org")
    assert "<strong>1</strong>" in client.get(petition.url).content.decode()
    client.force_login(moderator())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/petitions/signatures/{fraudulent.pk}/invalidate/")
    assert Signature.objects.get(pk=fraudulent.pk).status == SignatureStatus.INVALIDATED
    assert "<strong>0</strong>" in client.get(petition.url).content.decode()
    assert ModelLogEntry.objects.filter(action="stoptheharm.petitions.invalidate_signature").count() == 1


@pytest.mark.django_db
def test_staff_without_the_moderation_permission_cannot_release_or_invalidate(client, petition):
    held = add_signature(petition, "held@example.org", status=SignatureStatus.HELD)
    editor = staff("editor", can_export=True)
    editor.user_permissions.add(Permission.objects.get(codename="view_signature"))
    client.force_login(editor)
    listing = client.get("/admin/signatures/").content.decode()
    assert "held@example.org" not in listing  # addresses are not listed, only names
    assert "Amina Diallo" in listing
    assert "/release/" not in listing
    for decision in ["release", "invalidate"]:
        response = client.post(f"/admin/petitions/signatures/{held.pk}/{decision}/")
        assert response.status_code in {302, 403}
    assert Signature.objects.get(pk=held.pk).status == SignatureStatus.HELD
    assert client.post(f"/admin/petitions/signatures/{held.pk}/delete-everything/").status_code in {302, 403}


def burst_of_signatures(petition, count: int, *, status: str = SignatureStatus.CONFIRMED) -> str:
    """`count` signatures from one network in the last minutes; returns the network's key."""
    key = network_hash(petition.pk, "203.0.113.7")
    for number in range(count):
        add_signature(petition, f"burst{number}@burst.example", status=status, network_hash=key)
    return key


@pytest.mark.django_db
def test_a_moderator_sees_the_trending_sources_from_the_petition_and_the_signatures(client, petition, settings):
    settings.PETITION_TRENDING_MIN_PER_HOUR = 3
    key = burst_of_signatures(petition, 3)
    client.force_login(moderator())

    assert (
        f"/admin/petitions/{petition.pk}/trending/" in client.get(f"/admin/pages/{petition.pk}/edit/").content.decode()
    )
    assert f"/admin/petitions/{petition.pk}/trending/" in client.get("/admin/signatures/").content.decode()
    page = client.get(f"/admin/petitions/{petition.pk}/trending/").content.decode()
    assert f"<code>{key[:8]}</code>" in page
    assert f'Trending sources <span class="w-header__subtitle">{petition.title}</span>' in page
    assert key not in page  # the table shows a label; the whole keyed hash travels only inside the signed token
    assert "<code>burst.example</code>" in page
    assert page.count("Invalidate this group…") == 2


@pytest.mark.django_db
def test_staff_without_the_moderation_permission_see_no_trending_sources_and_invalidate_nothing(client, petition):
    key = burst_of_signatures(petition, 3)
    token = group_token(petition_id=petition.pk, kind=SourceKind.NETWORK, key=key)
    editor = staff("editor", can_export=True)
    editor.user_permissions.add(Permission.objects.get(codename="view_signature"))
    client.force_login(editor)

    assert "/trending/" not in client.get(f"/admin/pages/{petition.pk}/edit/").content.decode()
    invalidate = f"/admin/petitions/{petition.pk}/trending/invalidate/"
    for response in [
        client.get(f"/admin/petitions/{petition.pk}/trending/"),
        client.get(invalidate, {"group": token}),
        client.post(invalidate, {"group": token, "window": "all"}),
    ]:
        assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail: back with a refusal
        assert key[:8] not in response.content.decode()
    assert client.post(invalidate, {"group": token}, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    assert not Signature.objects.filter(status=SignatureStatus.INVALIDATED).exists()


@pytest.mark.django_db
def test_a_moderator_sees_the_dry_run_then_invalidates_the_group_and_the_count_follows(
    client, petition, django_capture_on_commit_callbacks
):
    key = burst_of_signatures(petition, 3)
    add_signature(petition, "amina@example.org")
    held = add_signature(petition, "held@example.org", status=SignatureStatus.HELD, network_hash=key)
    user = moderator()
    client.force_login(user)
    token = group_token(petition_id=petition.pk, kind=SourceKind.NETWORK, key=key)
    invalidate = f"/admin/petitions/{petition.pk}/trending/invalidate/"

    dry_run = client.get(invalidate, {"group": token, "window": "day"})
    assert dry_run.status_code == 200
    assert "4 signatures of this group on this petition would be invalidated." in dry_run.content.decode()
    assert not Signature.objects.filter(status=SignatureStatus.INVALIDATED).exists()  # looking changes nothing
    assert not PageLogEntry.objects.filter(action=INVALIDATE_GROUP_LOG_ACTION).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(invalidate, {"group": token, "window": "day"})
    assert response["Location"] == f"/admin/petitions/{petition.pk}/trending/"
    assert "4 signatures invalidated." in client.get(response["Location"]).content.decode()
    assert Signature.objects.filter(status=SignatureStatus.INVALIDATED).count() == 4
    assert Signature.objects.get(pk=held.pk).status == SignatureStatus.INVALIDATED
    assert "<strong>1</strong>" in client.get(petition.url).content.decode()  # amina's only
    [entry] = PageLogEntry.objects.filter(action=INVALIDATE_GROUP_LOG_ACTION)
    assert (entry.page_id, entry.user_id, entry.data["signatures"]) == (petition.pk, user.pk, 4)


@pytest.mark.django_db
def test_a_group_token_altered_or_from_another_petition_is_refused(client, petition, section):
    other = create_petition(parent=section, slug="other")
    key = burst_of_signatures(petition, 3)
    client.force_login(moderator())
    foreign = group_token(petition_id=other.pk, kind=SourceKind.NETWORK, key=key)
    altered = group_token(petition_id=petition.pk, kind=SourceKind.NETWORK, key=key)[:-2] + "xx"
    for token in [foreign, altered, ""]:
        response = client.post(f"/admin/petitions/{petition.pk}/trending/invalidate/", {"group": token})
        assert response.status_code == 404
    assert not Signature.objects.filter(status=SignatureStatus.INVALIDATED).exists()
