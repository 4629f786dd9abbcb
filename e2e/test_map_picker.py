"""An organiser places an action by clicking the map: the picker's script fills the inputs and moves the marker.

The widget's HTML is loaded as a page with the site's stylesheet and the picker's script, as a form would
include them; no server is needed.
"""

from pathlib import Path

import pytest
from django import forms
from django.conf import settings

from stoptheharm.core.mappoints import MapPointField
from stoptheharm.core.worldmap import project, unproject

pytestmark = pytest.mark.browser
STATIC = Path(settings.PROJECT_DIR) / "static"


class PlaceForm(forms.Form):
    location = MapPointField(required=False)


def open_picker(page, initial=None):
    html = str(PlaceForm(initial={"location": initial})["location"])
    page.set_viewport_size({"width": 1000, "height": 800})
    page.set_content(f"<!doctype html><html><body>{html}</body></html>")
    page.add_style_tag(path=str(STATIC / "css" / "site.css"))
    page.add_script_tag(path=str(STATIC / "js" / "map-picker.js"))


def click_on_the_map(page, longitude, latitude) -> tuple[float, float]:
    """Click the whole pixel nearest where `project` puts the point; return that pixel's viewBox coordinates.

    Chromium reports mouse positions in whole pixels, so the expected values are those of the pixel
    clicked, through the browser's own screen-to-viewBox transform.
    """
    return page.evaluate(
        """([x, y]) => {
            const matrix = document.querySelector("svg.world-map").getScreenCTM();
            const screen = new DOMPoint(x, y).matrixTransform(matrix);
            const pixel = new DOMPoint(Math.round(screen.x), Math.round(screen.y));
            const clicked = pixel.matrixTransform(matrix.inverse());
            return [pixel.x, pixel.y, clicked.x, clicked.y];
        }""",
        list(project(longitude, latitude)),
    )


@pytest.mark.parametrize(("longitude", "latitude"), [(-9.14, 38.72), (174.78, -41.29), (-150.0, 61.2), (0, -85)])
def test_a_click_on_the_map_sets_latitude_and_longitude_as_unproject_does(page, longitude, latitude):
    open_picker(page)
    pixel_x, pixel_y, x, y = click_on_the_map(page, longitude, latitude)
    page.mouse.click(pixel_x, pixel_y)

    expected_longitude, expected_latitude = unproject(x, y)
    assert float(page.input_value("#id_location_0")) == pytest.approx(expected_latitude, abs=1e-4)
    assert float(page.input_value("#id_location_1")) == pytest.approx(expected_longitude, abs=1e-4)
    assert expected_latitude == pytest.approx(latitude, abs=1)  # within a pixel or so of the point aimed at
    assert expected_longitude == pytest.approx(longitude, abs=1)
    marker = page.locator("svg.world-map .map-marker")
    assert float(marker.get_attribute("cx")) == pytest.approx(x, abs=0.1)
    assert float(marker.get_attribute("cy")) == pytest.approx(y, abs=0.1)


def test_typing_the_numbers_moves_the_existing_marker(page):
    open_picker(page, initial=(0.0, 0.0))
    page.fill("#id_location_0", "-33.92")
    page.fill("#id_location_1", "18.42")

    (marker,) = page.locator("svg.world-map .map-marker").all()
    x, y = project(18.42, -33.92)
    assert float(marker.get_attribute("cx")) == pytest.approx(x, abs=0.1)
    assert float(marker.get_attribute("cy")) == pytest.approx(y, abs=0.1)
