"""The moderation queue: duplicate candidates beside each endorsement, merging, and who may do it."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.statements import services
from stoptheharm.statements.models import Endorsement, EndorsementStatus
from stoptheharm.statements.selectors import duplicate_candidates
from stoptheharm.statements.tests.factories import add_endorsement
from stoptheharm.statements.tests.test_admin import staff


def propose(statement, name: str, website: str = "", status=EndorsementStatus.AWAITING_MODERATION) -> Endorsement:
    endorsement = services.record_endorsement(
        statement=statement,
        contact_name="Maria Santos",
        contact_email="maria@example.org",
        language="en",
        confirms_authority=True,
        proposed={"name": name, "kind": "ngo", "website": website},
    )
    if status != EndorsementStatus.PENDING:
        services.confirm_endorsement(endorsement=endorsement)
    return endorsement


@pytest.fixture
def elixir(db):
    return add_organisation("Élixir Association", website="https://elixir.example.org")


@pytest.fixture
def moderator(db):
    return staff("moderator", "view_endorsement", "moderate_endorsements")


@pytest.mark.parametrize(
    ("name", "website", "reason", "score"),
    [
        ("Élixir Association", "", "same_name", 1.0),
        ("ELIXIR association", "", "same_name", 1.0),
        ("Another Name", "http://www.elixir.example.org/contact", "same_domain", 1.0),
        ("Elixir Asociation", "", "near_name", 0.97),
    ],
    ids=["exact", "accents-and-case", "same-domain", "near-name"],
)
@pytest.mark.django_db
def test_the_queue_shows_each_proposed_organisations_candidates(
    admin_client, statement, elixir, name, website, reason, score
):
    endorsement = propose(statement, name, website)
    [candidate] = duplicate_candidates(endorsement)
    assert (candidate.organisation, candidate.reason) == (elixir, reason)
    assert candidate.score == pytest.approx(score, abs=0.02)

    queue = admin_client.get("/admin/endorsements/").content.decode()
    assert "Possible duplicates" in queue
    assert f"Élixir Association ({candidate.reason_label}, {candidate.score:.2f})" in queue
    page = admin_client.get(f"/admin/statements/organisation/{endorsement.pk}/merge/").content.decode()
    assert "Possible duplicates in the directory" in page
    assert candidate.reason_label in page


@pytest.mark.django_db
def test_an_unrelated_new_organisation_has_no_candidates(statement, elixir):
    assert duplicate_candidates(propose(statement, "Rede Portuguesa de Redução de Riscos")) == []


@pytest.mark.django_db
def test_a_proposed_organisation_with_an_exact_match_must_be_merged_before_approval(
    client, statement, elixir, moderator
):
    endorsement = propose(statement, "ELIXIR association")
    with pytest.raises(ValidationError):
        services.approve_endorsement(endorsement_id=endorsement.pk)
    client.force_login(moderator)
    client.post(f"/admin/statements/organisation/{endorsement.pk}/approve/")
    assert Endorsement.objects.get(pk=endorsement.pk).status == EndorsementStatus.AWAITING_MODERATION
    assert Organisation.objects.count() == 1  # no second Élixir in the directory

    response = client.post(f"/admin/statements/organisation/{endorsement.pk}/merge/", {"organisation": elixir.pk})
    assert response["Location"] == "/admin/endorsements/"
    endorsement.refresh_from_db()
    assert endorsement.organisation == elixir
    assert endorsement.proposed_name == "ELIXIR association"  # kept for the record
    [entry] = ModelLogEntry.objects.filter(action="stoptheharm.statements.merge_endorsement")
    assert (entry.object_id, entry.user_id, entry.data["organisation"]) == (
        str(endorsement.pk),
        moderator.pk,
        "Élixir Association",
    )

    client.post(f"/admin/statements/organisation/{endorsement.pk}/approve/")
    assert Endorsement.objects.get(pk=endorsement.pk).status == EndorsementStatus.APPROVED
    assert Organisation.objects.count() == 1


@pytest.mark.django_db
def test_a_near_name_does_not_stop_approval(statement, elixir):
    endorsement = propose(statement, "Elixir Asociation")
    services.approve_endorsement(endorsement_id=endorsement.pk)
    assert Organisation.objects.count() == 2


@pytest.mark.django_db
def test_merging_with_an_organisation_already_on_the_list_is_refused(client, statement, elixir, moderator):
    add_endorsement(statement, elixir)
    endorsement = propose(statement, "Elixir Asociation")
    with pytest.raises(ValidationError):
        services.merge_endorsement(endorsement_id=endorsement.pk, organisation_id=elixir.pk)
    client.force_login(moderator)
    client.post(f"/admin/statements/organisation/{endorsement.pk}/merge/", {"organisation": elixir.pk})
    endorsement.refresh_from_db()
    assert endorsement.organisation is None
    assert not ModelLogEntry.objects.filter(action="stoptheharm.statements.merge_endorsement").exists()


@pytest.mark.django_db
def test_a_decided_endorsement_cannot_be_merged(statement, elixir):
    endorsement = propose(statement, "Elixir Asociation")
    services.reject_endorsement(endorsement_id=endorsement.pk, reason="Spam")
    with pytest.raises(services.AlreadyDecided):
        services.merge_endorsement(endorsement_id=endorsement.pk, organisation_id=elixir.pk)


@pytest.mark.django_db
def test_staff_without_the_moderation_permission_cannot_merge_approve_or_reject(client, statement, elixir):
    endorsement = propose(statement, "Elixir Asociation")
    client.force_login(staff("viewer", "view_endorsement"))
    assert "/merge/" not in client.get("/admin/endorsements/").content.decode()
    for action in ("merge", "approve", "reject"):
        url = f"/admin/statements/organisation/{endorsement.pk}/{action}/"
        assert client.get(url).status_code in {302, 403}  # Wagtail sends those without permission back
        assert client.post(url, {"organisation": elixir.pk, "reason": "x"}).status_code in {302, 403}
    endorsement.refresh_from_db()
    assert (endorsement.organisation, endorsement.status) == (None, EndorsementStatus.AWAITING_MODERATION)


@pytest.mark.django_db
def test_the_queue_offers_merge_only_for_undecided_organisations(client, statement, elixir, moderator):
    waiting = propose(statement, "Elixir Asociation")
    approved = add_endorsement(statement, "Approved NGO")
    client.force_login(moderator)
    queue = client.get("/admin/endorsements/").content.decode()
    assert f"/admin/statements/organisation/{waiting.pk}/merge/" in queue
    assert f"/admin/statements/organisation/{approved.pk}/merge/" not in queue
