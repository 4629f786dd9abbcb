import pytest
from wagtail.models import ModelLogEntry

from stoptheharm.atlas.models import DecriminalisationModel
from stoptheharm.atlas.tests.factories import import_test_atlas

pytestmark = pytest.mark.django_db
MODELS_URL = "/admin/snippets/atlas/decriminalisationmodel/"


@pytest.fixture
def atlas(db):
    import_test_atlas()


def test_staff_edit_a_model_and_its_history_says_who_changed_what_and_when(admin_client, admin_user, atlas):
    model = DecriminalisationModel.objects.get(key="T001")
    form = admin_client.get(f"{MODELS_URL}edit/{model.pk}/")
    assert form.status_code == 200
    assert 'type="checkbox" name="replaced_by" value="dissuasion_commission"' in form.content.decode()
    data = {
        "key": "T001",
        "jurisdiction": model.jurisdiction_id,
        "year_adopted": "2001",
        "year_ended": "",
        "legal_basis": "de_jure",
        "replaced_by": ["fine", "referral"],
        "confidence": "high",
        "sources": [source.pk for source in model.sources.all()],
    }
    response = admin_client.post(f"{MODELS_URL}edit/{model.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    model.refresh_from_db()
    assert model.replaced_by == ["fine", "referral"]
    revision = model.latest_revision
    assert revision.user == admin_user
    assert revision.content["replaced_by"] == ["fine", "referral"]
    assert ModelLogEntry.objects.filter(object_id=str(model.pk), user=admin_user, action="wagtail.edit").exists()
    history = admin_client.get(f"{MODELS_URL}history/{model.pk}/")
    assert history.status_code == 200
    assert admin_user.get_username() in history.content.decode() or "Edited" in history.content.decode()


def test_a_model_cannot_end_before_it_starts_in_the_admin_either(admin_client, atlas):
    model = DecriminalisationModel.objects.get(key="T001")
    data = {"key": "T001", "jurisdiction": model.jurisdiction_id, "year_adopted": "2010", "year_ended": "2001",
            "legal_basis": "de_jure", "confidence": "high", "sources": [model.sources.get().pk]}  # fmt: skip
    response = admin_client.post(f"{MODELS_URL}edit/{model.pk}/", data)
    assert response.status_code == 200
    assert "cannot end before" in response.content.decode()
    model.refresh_from_db()
    assert model.year_adopted == 2001


ADMIN_LISTS = [MODELS_URL, "/admin/snippets/atlas/indicatorvalue/", "/admin/snippets/atlas/source/",
               "/admin/snippets/atlas/indicator/", "/admin/snippets/atlas/jurisdiction/"]  # fmt: skip


@pytest.mark.parametrize("url", ADMIN_LISTS)
def test_staff_list_the_atlas_data(admin_client, atlas, url):
    assert admin_client.get(url).status_code == 200
