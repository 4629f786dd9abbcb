import pytest
from django.core.exceptions import ValidationError

from stoptheharm.organisations.models import Organisation, OrganisationScope
from stoptheharm.organisations.tests.factories import add_organisation


def test_an_organisation_is_named_with_its_short_name_when_it_has_one():
    assert (
        str(Organisation(name="Harm Reduction International", short_name="HRI")) == "Harm Reduction International (HRI)"
    )
    assert str(Organisation(name="Фонд Андрея Рылькова")) == "Фонд Андрея Рылькова"


def test_languages_are_read_as_a_list_of_codes():
    assert Organisation(languages="en, ru,uk").language_codes == ["en", "ru", "uk"]
    assert Organisation(languages="").language_codes == []


@pytest.mark.django_db
def test_a_new_organisation_is_validated_and_stored_with_its_countries():
    organisation = add_organisation(
        "Eurasian Harm Reduction Association",
        short_name="EHRA",
        scope=OrganisationScope.REGIONAL,
        region="Central and Eastern Europe and Central Asia",
        countries=["LT", "GE"],
        languages="en, ru",
        website="https://harmreductioneurasia.org",
    )
    organisation.refresh_from_db()
    assert [country.code for country in organisation.countries] == ["GE", "LT"]
    assert not organisation.is_member
    assert not organisation.is_verified
    assert organisation.created_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("languages", "English and Russian"), ("kind", "club"), ("website", "not a url"), ("contact_email", "nope")],
)
def test_invalid_values_are_refused_and_nothing_is_stored(field, value):
    with pytest.raises(ValidationError) as refused:
        add_organisation(**{field: value})
    assert list(refused.value.message_dict) == [field]
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_the_derived_names_follow_the_name_even_when_only_some_fields_are_saved():
    organisation = add_organisation("Élixir e.V.", short_name="ELX")
    assert (organisation.normalised_name, organisation.search_name) == ("elixir", "elixir ev elx")
    organisation.name = "Nouvel Élan"
    organisation.save(update_fields=["name"])
    organisation.refresh_from_db()
    assert (organisation.normalised_name, organisation.search_name) == ("nouvel elan", "nouvel elan elx")
