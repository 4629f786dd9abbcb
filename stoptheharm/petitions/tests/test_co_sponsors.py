import re

import pytest

from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.petitions.models import PetitionCoSponsor, PetitionPage
from stoptheharm.petitions.selectors import co_sponsors
from stoptheharm.petitions.tests.factories import create_petition


@pytest.fixture
def co_sponsored(section):
    """A petition co-sponsored by three organisations, put in an order that is not alphabetical."""
    petition = create_petition(parent=section, slug="co-sponsored")
    petition.co_sponsors = [
        PetitionCoSponsor(
            organisation=add_organisation("Zambian Harm Reduction Network", website="https://zhrn.example"),
            sort_order=0,
        ),
        PetitionCoSponsor(organisation=add_organisation("Фонд Андрея Рылькова", short_name="ARF"), sort_order=1),
        PetitionCoSponsor(
            organisation=add_organisation("Asociación Alivio", short_name="AA", website="https://alivio.example"),
            sort_order=2,
        ),
    ]
    petition.save_revision().publish()
    return petition


def test_a_co_sponsorship_is_named_after_its_organisation():
    organisation = Organisation(name="Harm Reduction International", short_name="HRI")
    assert str(PetitionCoSponsor(organisation=organisation)) == "Harm Reduction International (HRI)"


@pytest.mark.django_db
def test_the_page_lists_the_co_sponsors_in_the_editors_order_linking_to_their_websites(client, co_sponsored):
    content = client.get(co_sponsored.url).content.decode()
    line = re.search(r'<p class="petition__co-sponsors">(.*?)</p>', content, re.S).group(1)
    assert line.index("Zambian Harm Reduction Network") < line.index("Фонд Андрея Рылькова") < line.index("Alivio")
    assert '<a href="https://zhrn.example" rel="noopener noreferrer">Zambian Harm Reduction Network</a>' in line
    assert "Фонд Андрея Рылькова (ARF)" in line
    assert not re.search(r"<a [^>]*>Фонд", line)  # no website, no link


@pytest.mark.django_db
def test_the_contact_address_of_a_co_sponsor_is_never_on_the_page(client, co_sponsored):
    content = client.get(co_sponsored.url).content.decode()
    assert "Zambian Harm Reduction Network" in content
    assert "private-contact@example.org" not in content


@pytest.mark.django_db
def test_a_petition_without_co_sponsors_shows_no_empty_list(client, petition):
    assert "petition__co-sponsors" not in client.get(petition.url).content.decode()


@pytest.mark.django_db
def test_reordering_co_sponsors_changes_the_order_shown(co_sponsored):
    first, second, third = co_sponsored.co_sponsors.all()
    for order, co_sponsor in enumerate([third, first, second]):  # as the admin's drag and drop saves them
        co_sponsor.sort_order = order
    co_sponsored.co_sponsors = [third, first, second]
    co_sponsored.save_revision().publish()
    co_sponsored.refresh_from_db()
    assert [co_sponsor.name for co_sponsor in co_sponsors(co_sponsored)] == [
        "Asociación Alivio",
        "Zambian Harm Reduction Network",
        "Фонд Андрея Рылькова",
    ]


@pytest.mark.django_db
def test_reading_the_co_sponsors_takes_one_query_whatever_their_number(co_sponsored, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert len(co_sponsors(co_sponsored)) == 3


@pytest.mark.django_db
def test_a_preview_shows_the_drafts_co_sponsors_not_the_published_ones(co_sponsored):
    draft = co_sponsored.get_latest_revision_as_object()
    draft.co_sponsors = [PetitionCoSponsor(organisation=add_organisation("Not yet published"))]
    assert [co_sponsor.name for co_sponsor in co_sponsors(draft)] == ["Not yet published"]


@pytest.mark.django_db
def test_editors_choose_co_sponsors_from_the_directory_in_the_petition_editor(admin_client, co_sponsored):
    content = admin_client.get(f"/admin/pages/{co_sponsored.pk}/edit/").content.decode()
    assert "id_co_sponsors-TOTAL_FORMS" in content
    assert "/admin/snippets/choose/organisations/organisation/" in content
    assert "private-contact@example.org" not in content


@pytest.mark.django_db
def test_an_organisations_public_page_lists_the_petitions_it_co_sponsors_in_the_pages_language(client, demo_site):
    inpud = Organisation.objects.get(short_name="INPUD")
    english = client.get(inpud.get_absolute_url()).content.decode()
    petitions = PetitionPage.objects.live().filter(locale__language_code="en", co_sponsors__organisation=inpud)
    assert petitions.exists()
    assert "Petitions it co-sponsors" in english
    for petition in petitions:
        assert petition.title in english
    french = client.get(f"/fr/organisations/{inpud.pk}/").content.decode()
    for petition in PetitionPage.objects.live().filter(locale__language_code="fr", co_sponsors__organisation=inpud):
        assert petition.title in french
    assert "private-contact" not in english


@pytest.mark.django_db
def test_an_organisation_that_co_sponsors_nothing_has_no_petitions_section(client, demo_site):
    elixir = Organisation.objects.get(name="Élixir")
    content = client.get(elixir.get_absolute_url()).content.decode()
    assert "Élixir" in content
    assert "Petitions it co-sponsors" not in content
