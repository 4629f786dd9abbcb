import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry

from stoptheharm.statements.models import Endorsement, EndorsementStatus, Signers
from stoptheharm.statements.tests.factories import add_endorsement, add_individual, create_statement

PASSWORD = "a long passphrase for tests"


def staff(username: str, *codenames: str):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))  # Wagtail's default group: admin access, pages
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def moderator():
    return staff("moderator", "view_endorsement", "view_individualendorsement", "moderate_endorsements")


@pytest.mark.django_db
def test_staff_filter_endorsements_by_statement_and_status_and_cannot_edit_them(admin_client, section, statement):
    other = create_statement(parent=section, slug="other-statement", title="Another statement")
    waiting = add_endorsement(statement, "Waiting NGO", status=EndorsementStatus.AWAITING_MODERATION)
    add_endorsement(statement, "Approved NGO")
    add_endorsement(other, "Elsewhere NGO", status=EndorsementStatus.AWAITING_MODERATION)

    by_status = admin_client.get("/admin/endorsements/", {"status": "awaiting_moderation"}).content.decode()
    assert "Waiting NGO" in by_status
    assert "Elsewhere NGO" in by_status
    assert "Approved NGO" not in by_status
    by_statement = admin_client.get("/admin/endorsements/", {"statement": other.pk}).content.decode()
    assert "Elsewhere NGO" in by_statement
    assert "Waiting NGO" not in by_statement
    inspect = admin_client.get(f"/admin/endorsements/inspect/{waiting.pk}/").content.decode()
    assert "contact@example.org" in inspect  # staff see the contact; the public never does
    assert admin_client.get(f"/admin/endorsements/edit/{waiting.pk}/").status_code in {302, 403}
    assert admin_client.post(f"/admin/endorsements/delete/{waiting.pk}/").status_code in {302, 403}
    assert Endorsement.objects.filter(pk=waiting.pk).exists()


@pytest.mark.django_db
def test_a_moderator_approves_after_confirming_and_the_organisation_is_listed(client, statement, moderator):
    waiting = add_endorsement(statement, "Waiting NGO", status=EndorsementStatus.AWAITING_MODERATION)
    client.force_login(moderator)
    assert (
        f"/admin/statements/organisation/{waiting.pk}/approve/" in client.get("/admin/endorsements/").content.decode()
    )

    assert client.get(f"/admin/statements/organisation/{waiting.pk}/approve/").status_code == 200
    assert (
        Endorsement.objects.get(pk=waiting.pk).status == EndorsementStatus.AWAITING_MODERATION
    )  # looking changes nothing

    response = client.post(f"/admin/statements/organisation/{waiting.pk}/approve/")
    assert response["Location"] == "/admin/endorsements/"
    assert Endorsement.objects.get(pk=waiting.pk).status == EndorsementStatus.APPROVED
    assert "Waiting NGO" in client.get(statement.url).content.decode()
    [entry] = ModelLogEntry.objects.filter(action="stoptheharm.statements.approve_endorsement")
    assert (entry.object_id, entry.user_id) == (str(waiting.pk), moderator.pk)


@pytest.mark.django_db
def test_a_rejection_without_a_reason_is_asked_again_and_with_one_is_recorded(client, statement, moderator):
    approved = add_endorsement(statement, "Signed By Mistake")
    client.force_login(moderator)
    url = f"/admin/statements/organisation/{approved.pk}/reject/"

    again = client.post(url, {"reason": ""})
    assert again.status_code == 200
    assert "This field is required." in again.content.decode()
    assert Endorsement.objects.get(pk=approved.pk).status == EndorsementStatus.APPROVED

    client.post(url, {"reason": "The organisation asked to be removed"})
    approved.refresh_from_db()
    assert (approved.status, approved.rejection_reason) == (
        EndorsementStatus.REJECTED,
        "The organisation asked to be removed",
    )
    assert "Signed By Mistake" not in client.get(statement.url).content.decode()


@pytest.mark.django_db
def test_approving_a_rejected_endorsement_is_refused_with_a_message(client, statement, moderator):
    rejected = add_endorsement(statement, status=EndorsementStatus.REJECTED)
    client.force_login(moderator)
    response = client.post(f"/admin/statements/organisation/{rejected.pk}/approve/", follow=True)
    assert "A rejected endorsement cannot be approved." in response.content.decode()
    assert Endorsement.objects.get(pk=rejected.pk).status == EndorsementStatus.REJECTED


@pytest.mark.django_db
def test_individuals_are_moderated_the_same_way(client, section, moderator):
    statement = create_statement(parent=section, signers=Signers.ORGANISATIONS_AND_INDIVIDUALS)
    person = add_individual(statement, "Ana Lima", status=EndorsementStatus.AWAITING_MODERATION)
    client.force_login(moderator)
    assert "Ana Lima" in client.get("/admin/individual_endorsements/").content.decode()
    client.post(f"/admin/statements/individual/{person.pk}/approve/")
    person.refresh_from_db()
    assert person.status == EndorsementStatus.APPROVED


@pytest.mark.django_db
def test_staff_without_the_moderation_permission_cannot_decide(client, statement):
    waiting = add_endorsement(statement, status=EndorsementStatus.AWAITING_MODERATION)
    client.force_login(staff("editor", "view_endorsement"))
    assert "/approve/" not in client.get("/admin/endorsements/").content.decode()
    for decision in ("approve", "reject"):
        response = client.post(f"/admin/statements/organisation/{waiting.pk}/{decision}/", {"reason": "No"})
        assert response.status_code in {302, 403}
    assert Endorsement.objects.get(pk=waiting.pk).status == EndorsementStatus.AWAITING_MODERATION


@pytest.mark.django_db
def test_an_unknown_kind_or_endorsement_is_404(client, statement, moderator):
    client.force_login(moderator)
    assert client.get("/admin/statements/petition/1/approve/").status_code == 404
    assert client.get("/admin/statements/organisation/99999999/approve/").status_code == 404


@pytest.mark.django_db
def test_visitors_reach_no_endorsement_screen(client, statement):
    endorsement = add_endorsement(statement)
    for path in ("/admin/endorsements/", f"/admin/endorsements/inspect/{endorsement.pk}/"):
        response = client.get(path)
        assert response.status_code == 302
        assert "contact@example.org" not in response.content.decode()
