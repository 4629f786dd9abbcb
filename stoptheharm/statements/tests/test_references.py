import pytest
from django.core.exceptions import ValidationError

from stoptheharm.statements.references import annotate


@pytest.mark.django_db
def test_markers_link_to_their_reference_and_each_reference_links_back_to_every_citation(statement):
    annotated = annotate(statement)
    assert (
        '<sup class="reference-marker"><a id="cite-1-1" href="#reference-1" aria-label="Reference 1">1</a></sup>'
        in annotated.body
    )
    assert 'id="cite-1-2" href="#reference-1"' in annotated.body
    assert 'id="cite-2-1" href="#reference-2"' in annotated.body
    assert "[1]" not in annotated.body
    first, second = annotated.references
    assert (first.number, first.citation, first.url) == (
        1,
        "UNAIDS (2019), Health, rights and drugs",
        "https://www.unaids.org/",
    )
    assert first.citations == ["cite-1-1", "cite-1-2"]
    assert (second.number, second.url, second.citations) == (2, "", ["cite-2-1"])


@pytest.mark.django_db
def test_the_page_shows_markers_and_the_numbered_list_with_back_links(client, statement):
    content = client.get(statement.url).content.decode()
    assert '<li id="reference-1">UNAIDS (2019), Health, rights and drugs' in content
    assert '<a href="#cite-1-2" aria-label="Back to the text citing reference 1">' in content


@pytest.mark.django_db
def test_markers_inside_a_link_or_an_attribute_and_numbers_without_a_reference_are_left_as_typed(statement):
    statement.body = [
        ("paragraph", '<p>See <a href="https://example.org/?q=[1]">the report [1]</a> and note [7]. Then [2].</p>')
    ]
    body = annotate(statement).body
    assert 'href="https://example.org/?q=[1]"' in body
    assert "the report [1]</a>" in body
    assert "note [7]." in body
    assert 'id="cite-2-1"' in body


@pytest.mark.django_db
def test_without_links_markers_become_plain_superscripts_for_print(statement):
    body = annotate(statement, links=False).body
    assert "drugs <sup>1</sup>." in body
    assert "href" not in body


@pytest.mark.django_db
def test_an_editor_cannot_publish_a_marker_that_has_no_reference(statement):
    statement.body = [("paragraph", "<p>As shown [1], [3] and [12].</p>")]
    with pytest.raises(ValidationError) as raised:
        statement.full_clean()
    assert raised.value.message_dict["body"] == [
        "The text cites [3], [12], which the list of references does not have."
    ]
