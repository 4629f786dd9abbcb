import pytest

from stoptheharm.core.text import has_forbidden_characters
from stoptheharm.organisations.names import normalise_organisation_name, website_domain
from stoptheharm.organisations.selectors import MatchReason, find_similar_organisations
from stoptheharm.organisations.tests.factories import add_organisation


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("Élixir", "elixir"),
        ("  HARM   Reduction\tInternational ", "harm reduction international"),
        ("akzept e.V.", "akzept"),
        ("Caring Ambassadors Program, Inc.", "caring ambassadors program"),
        ("Cultura Joven A.C.", "cultura joven"),
        ("Beispiel gGmbH", "beispiel"),
        ("Example Pty Ltd", "example"),
        ("Centre des R.O.S.É.S. de l’Abitibi-Témiscamingue", "centre des roses de labitibi temiscamingue"),
        ("Canadian HIV/AIDS Legal Network", "canadian hiv aids legal network"),
        ("ＦＵＬＬＷＩＤＴＨ", "fullwidth"),  # NFKC
        ("Straße", "strasse"),  # casefold
        ("СВОН Плюс", "свон плюс"),
        ("Inc.", "inc"),  # a name that is only a legal form keeps it
    ],
)
def test_names_are_normalised_without_case_accents_punctuation_or_legal_form(name, normalised):
    assert normalise_organisation_name(name) == normalised


@pytest.mark.parametrize("name", ["Drug Policy Foundation", "NGO Labyrinth", "Harm Reduction Network", "Temblores ONG"])
def test_words_that_say_what_an_organisation_is_are_kept(name):
    assert normalise_organisation_name(name).split()[-1] == name.lower().split()[-1]


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://WWW.Hri.global/en/", "hri.global"),
        ("http://idpc.net", "idpc.net"),
        ("idpc.net/fr", "idpc.net"),
        ("https://www.example.org.:443/", "example.org"),
        ("", ""),
        ("http://[broken", ""),
    ],
)
def test_website_domain_is_the_lower_case_host_without_www(url, domain):
    assert website_domain(url) == domain


def test_control_and_bidirectional_characters_are_forbidden_but_joiners_are_not():
    assert has_forbidden_characters("Evil\u202eCorp")
    assert has_forbidden_characters("Tab\there")
    assert has_forbidden_characters("zero\u200bwidth")
    assert not has_forbidden_characters("می\u200cخواهم")  # Persian needs the zero-width non-joiner
    assert not has_forbidden_characters("Élixir")


@pytest.fixture
def directory(db):
    return {
        "elixir": add_organisation("Élixir", website="https://elixir.example.org"),
        "ehra": add_organisation("Eurasian Harm Reduction Association", website="https://harmreductioneurasia.org"),
        "romanian": add_organisation("Romanian Harm Reduction Network"),
        "akzept": add_organisation("akzept e.V."),
    }


def reasons(matches) -> list[tuple[str, str]]:
    return [(match.organisation.name, match.reason) for match in matches]


def test_the_same_name_under_other_case_accents_or_legal_form_is_found(directory):
    assert reasons(find_similar_organisations("ELIXIR")) == [("Élixir", MatchReason.SAME_NAME)]
    assert reasons(find_similar_organisations("Akzept")) == [("akzept e.V.", MatchReason.SAME_NAME)]


def test_the_same_website_domain_is_found_under_another_name(directory):
    matches = find_similar_organisations("EHRA", "http://www.HarmReductionEurasia.org/ru/")
    assert reasons(matches) == [("Eurasian Harm Reduction Association", MatchReason.SAME_DOMAIN)]


def test_near_names_are_found_with_their_score(directory):
    [match] = find_similar_organisations("Eurasian Harm Reduction Asociation")
    assert (match.organisation.name, match.reason) == ("Eurasian Harm Reduction Association", MatchReason.NEAR_NAME)
    assert 0.85 <= match.score < 1


def test_an_organisation_is_listed_once_under_its_strongest_reason(directory):
    matches = find_similar_organisations("Élixir", "https://elixir.example.org")
    assert reasons(matches) == [("Élixir", MatchReason.SAME_NAME)]


@pytest.mark.parametrize(
    ("name", "website"),
    [
        ("Polish Harm Reduction Network", ""),  # one family of names, another organisation
        ("Harm Reduction International", "https://example.org"),  # "example.org" is not "elixir.example.org"
        ("", ""),
    ],
)
def test_different_organisations_are_not_matched(directory, name, website):
    assert find_similar_organisations(name, website) == []
