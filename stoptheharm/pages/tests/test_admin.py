import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page

from stoptheharm.pages.models import HomePage, StandardPage


@pytest.fixture
def editor_client(client, demo_site):
    editor = get_user_model().objects.create_superuser("nadia", "nadia@example.org", "a long passphrase 4 tests")
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_the_editor_opens_every_page_type_in_the_admin(editor_client):
    for page in Page.objects.filter(locale__language_code="en", depth__gte=2):
        response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page


@pytest.mark.django_db
def test_a_new_page_is_translated_through_wagtail_localize(editor_client, demo_site):
    glossary = StandardPage(title="Glossary", slug="glossary", intro="Words used in harm reduction.")
    demo_site.add_child(instance=glossary)
    glossary.save_revision().publish()
    french = Locale.objects.get(language_code="fr")

    assert editor_client.get(f"/admin/localize/submit/page/{glossary.pk}/").status_code == 200
    response = editor_client.post(f"/admin/localize/submit/page/{glossary.pk}/", {"locales": [french.pk]})

    assert response.status_code == 302
    translation = glossary.get_translation(french)
    assert translation.get_parent().specific == HomePage.objects.get(locale=french)
    assert translation.intro == "Words used in harm reduction."  # synchronised from the source until translated


@pytest.mark.django_db
def test_the_admin_is_closed_to_visitors(client, demo_site):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
