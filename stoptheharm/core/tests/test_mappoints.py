"""The map point picker: plain number inputs that work alone, the map beside them, values checked."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest
from django import forms
from django.conf import settings
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.models import Page

from stoptheharm.core import worldmap
from stoptheharm.core.mappoints import (
    INCOMPLETE_POINT,
    AdminMapPointWidget,
    MapPoint,
    MapPointField,
    MapPointModelFormMixin,
)

SCRIPT = Path(settings.PROJECT_DIR) / "static" / "js" / "map-picker.js"


class PlaceForm(forms.Form):
    location = MapPointField(required=False, label="Place")


class PlaceModelForm(MapPointModelFormMixin, forms.Form):
    """Stands in for a ModelForm: the mixin only needs `instance`."""

    location = MapPointField(required=False)
    map_point_fields = ("location", "latitude", "longitude")

    def __init__(self, *args, instance, **kwargs):
        self.instance = instance
        super().__init__(*args, **kwargs)


def test_the_widget_renders_labelled_number_inputs_with_the_values_and_the_map_with_a_marker():
    html = str(PlaceForm(initial={"location": MapPoint(38.72, -9.14)})["location"])

    assert re.search(r'<label for="id_location_0">[^<]*Latitude', html)
    assert re.search(r'<label for="id_location_1">[^<]*Longitude', html)
    assert re.search(r'<input type="number" name="location_0" value="38.72"[^>]*min="-90"[^>]*max="90"', html)
    assert re.search(r'<input type="number" name="location_1" value="-9.14"[^>]*min="-180"[^>]*max="180"', html)
    svg = ET.fromstring(re.search(r"<svg.*</svg>", html, re.DOTALL).group(0))  # noqa: S314  # our own output
    (circle,) = svg.iter("{http://www.w3.org/2000/svg}circle")
    x, y = worldmap.project(-9.14, 38.72)
    assert float(circle.get("cx")) == pytest.approx(x, abs=0.05)
    assert float(circle.get("cy")) == pytest.approx(y, abs=0.05)


def test_the_widget_keeps_what_was_typed_and_brings_its_script():
    form = PlaceForm(data={"location_0": "91", "location_1": "abc"})
    html = str(form["location"])
    assert 'value="91"' in html and 'value="abc"' in html
    assert "<circle" not in html  # no marker for a point off the map
    assert "js/map-picker.js" in str(form.media)


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [("38.72", "-9.14", MapPoint(38.72, -9.14)), ("-90", "180", MapPoint(-90, 180)), ("", "", None)],
)
def test_valid_points(latitude, longitude, expected):
    form = PlaceForm(data={"location_0": latitude, "location_1": longitude})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["location"] == expected


@pytest.mark.parametrize(
    ("latitude", "longitude"), [("90.01", "0"), ("-91", "0"), ("0", "180.5"), ("0", "-181"), ("x", "0"), ("nan", "0")]
)
def test_points_off_the_map_are_refused(latitude, longitude):
    form = PlaceForm(data={"location_0": latitude, "location_1": longitude})
    assert not form.is_valid()
    assert form.errors["location"]


@pytest.mark.parametrize(("latitude", "longitude"), [("12", ""), ("", "12")])
def test_both_or_neither(latitude, longitude):
    form = PlaceForm(data={"location_0": latitude, "location_1": longitude})
    assert not form.is_valid()
    assert form.errors["location"] == [str(INCOMPLETE_POINT)]


def test_a_required_point_must_be_given():
    class RequiredForm(forms.Form):
        location = MapPointField()

    assert not RequiredForm(data={"location_0": "", "location_1": ""}).is_valid()


def test_the_model_form_mixin_reads_and_writes_the_two_model_fields():
    instance = SimpleNamespace(latitude=10.0, longitude=20.0)
    assert PlaceModelForm(instance=instance)["location"].value() == MapPoint(10.0, 20.0)

    form = PlaceModelForm(data={"location_0": "-33.9", "location_1": "18.4"}, instance=instance)
    assert form.is_valid()
    assert (instance.latitude, instance.longitude) == (-33.9, 18.4)

    form = PlaceModelForm(data={"location_0": "", "location_1": ""}, instance=instance)
    assert form.is_valid()
    assert (instance.latitude, instance.longitude) == (None, None)


def test_the_script_uses_the_same_projection_constants_as_python():
    script = SCRIPT.read_text()
    for name, value in {"A1": worldmap._A1, "A2": worldmap._A2, "A3": worldmap._A3, "A4": worldmap._A4}.items():
        assert f"{name} = {value}" in script
    assert f"WIDTH = {worldmap.MAP_WIDTH:g}" in script


def test_the_admin_widget_brings_the_script_and_its_own_styles():
    media = str(AdminMapPointWidget().media)
    assert "js/map-picker.js" in media
    assert "css/map-picker-admin.css" in media


@pytest.mark.django_db
def test_the_picker_works_in_a_wagtail_admin_form_through_a_field_panel():
    class PlacePageForm(MapPointModelFormMixin, WagtailAdminPageForm):
        location = MapPointField(required=False, widget=AdminMapPointWidget)
        map_point_fields = ("location", "latitude", "longitude")

    panel = ObjectList([FieldPanel("title"), FieldPanel("location")], base_form_class=PlacePageForm)
    panel = panel.bind_to_model(Page)
    page = Page(title="Walk")
    page.latitude, page.longitude = 38.72, -9.14  # stands in for a page model's two fields
    form = panel.get_form_class()(instance=page, for_user=None)

    html = panel.get_bound_panel(instance=page, form=form, request=None).render_html()
    assert "data-map-picker" in html
    assert 'value="38.72"' in html and 'value="-9.14"' in html
    assert "js/map-picker.js" in str(form.media) and "css/map-picker-admin.css" in str(form.media)
