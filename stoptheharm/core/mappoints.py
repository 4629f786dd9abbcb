"""A point on the world map in a form: two number inputs (they work without JavaScript) and the map.

`static/js/map-picker.js` (loaded through the widget's Media, so the admin gets it too and no inline
script is needed) sets the inputs from a click on the map, with the inverse of `core.worldmap.project`.
"""

from typing import Any, NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stoptheharm.core.worldmap import MapMarker, world_map_svg

INCOMPLETE_POINT = _("Give both the latitude and the longitude, or neither.")


class MapPoint(NamedTuple):
    latitude: float
    longitude: float


class MapPointWidget(forms.MultiWidget):
    """Latitude and longitude inputs, each with its label, above a map that sets them when clicked."""

    template_name = "core/widgets/map_point.html"

    class Media:
        js = ["js/map-picker.js"]

    def __init__(self, attrs: dict | None = None) -> None:
        number = {"step": "any", "inputmode": "decimal"}
        super().__init__(
            (
                forms.NumberInput(attrs={**number, "min": "-90", "max": "90", "data-map-latitude": ""}),
                forms.NumberInput(attrs={**number, "min": "-180", "max": "180", "data-map-longitude": ""}),
            ),
            attrs,
        )

    def decompress(self, value: MapPoint | tuple | None) -> list:
        return list(value) if value else [None, None]

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        values = value if isinstance(value, list | tuple) else self.decompress(value)
        latitude, longitude = (_as_float(v) for v in values)
        markers = []
        if latitude is not None and longitude is not None and abs(latitude) <= 90 and abs(longitude) <= 180:
            markers.append(MapMarker(latitude=latitude, longitude=longitude, label=str(_("The chosen point"))))
        labels = (_("Latitude (-90 to 90)"), _("Longitude (-180 to 180)"))
        context["widget"]["labelled_subwidgets"] = list(zip(labels, context["widget"]["subwidgets"], strict=True))
        context["widget"]["map"] = world_map_svg(
            title=str(_("Map: click to set the latitude and longitude")), markers=markers
        )
        return context

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_0" if id_ else id_


def _as_float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


class AdminMapPointWidget(MapPointWidget):
    """The picker in the Wagtail admin, which does not load site.css: it brings styles in the admin's colours."""

    class Media:
        css = {"all": ["css/map-picker-admin.css"]}


class MapPointField(forms.MultiValueField):
    """A `MapPoint` (latitude -90..90, longitude -180..180), or None when both are left empty."""

    widget = MapPointWidget

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("incomplete", INCOMPLETE_POINT)
        super().__init__(
            fields=(
                forms.FloatField(min_value=-90, max_value=90),
                forms.FloatField(min_value=-180, max_value=180),
            ),
            require_all_fields=False,
            **kwargs,
        )

    def compress(self, data_list: list) -> MapPoint | None:
        if not data_list or all(value is None for value in data_list):
            return None
        if any(value is None for value in data_list):
            raise ValidationError(INCOMPLETE_POINT, code="incomplete")
        return MapPoint(latitude=data_list[0], longitude=data_list[1])


class MapPointModelFormMixin:
    """For a ModelForm (or Wagtail admin form) whose model keeps a point as two float fields.

    Declare the form field and say which model fields it fills, e.g.::

        location = MapPointField(required=False, label=_("Place"))
        map_point_fields = ("location", "latitude", "longitude")

    In the Wagtail admin, mix it into the page's `base_form_class` (a `WagtailAdminPageForm`), declare
    the field with `widget=AdminMapPointWidget` (Wagtail's `FieldPanel(widget=...)` only reaches model
    fields) and add `FieldPanel("location")`.
    """

    map_point_fields: tuple[str, str, str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field, latitude, longitude = self.map_point_fields
        point = (getattr(self.instance, latitude), getattr(self.instance, longitude))
        if None not in point:
            self.initial.setdefault(field, MapPoint(*point))

    def clean(self) -> dict:
        cleaned_data = super().clean()
        field, latitude, longitude = self.map_point_fields
        if field in cleaned_data:
            point = cleaned_data[field]
            setattr(self.instance, latitude, point.latitude if point else None)
            setattr(self.instance, longitude, point.longitude if point else None)
        return cleaned_data
