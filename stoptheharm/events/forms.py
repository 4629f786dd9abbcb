from datetime import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from stoptheharm.core.forms import CountryField, TrappedForm, country_choices
from stoptheharm.core.mappoints import AdminMapPointWidget, MapPointField, MapPointModelFormMixin
from stoptheharm.core.regions import REGION_NAMES
from stoptheharm.core.text import has_forbidden_characters
from stoptheharm.events import consents
from stoptheharm.events.timezones import aware_from_wall_time, is_known_zone, wall_time_in

INVISIBLE_CHARACTERS = _("Please type this without control or invisible formatting characters.")
WALL_TIME_FIELDS = ("starts_at", "ends_at", "registration_closes_at")


class RegistrationForm(TrappedForm):
    """Registering for an event: a name, an address to confirm, an organisation if the person wishes."""

    started_salt = "stoptheharm.events.form-started"
    min_seconds_setting = "EVENT_LIMITS"

    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    organisation_name = forms.CharField(label=_("Your organisation (optional)"), max_length=255, required=False)
    consent = forms.BooleanField(
        label=consents.PROCESSING,
        error_messages={"required": _("The registration can only be recorded with your agreement.")},
    )

    def _clean_text(self, name: str) -> str:
        value = self.cleaned_data[name].strip()
        if has_forbidden_characters(value):
            raise ValidationError(INVISIBLE_CHARACTERS)
        return value

    def clean_name(self) -> str:
        return self._clean_text("name")

    def clean_organisation_name(self) -> str:
        return self._clean_text("organisation_name")


class EventPageForm(MapPointModelFormMixin, WagtailAdminPageForm):
    """The admin's event form: times are typed as the clock shows them in the event's own time zone.

    Django reads a typed time in the server's zone; this form takes the wall time typed and places it
    in the event's zone instead (timezones.aware_from_wall_time), and shows stored times the same way.
    The place on the map is picked (or typed) with core's point picker.
    """

    location = MapPointField(
        required=False,
        label=_("Place on the map"),
        help_text=_(
            "Optional: click the map or type the latitude and longitude, e.g. 41.14961 and -8.61099 for Porto."
        ),
        widget=AdminMapPointWidget,
    )
    map_point_fields = ("location", "latitude", "longitude")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        zone = self.instance.time_zone if self.instance.pk else ""
        for name in WALL_TIME_FIELDS:
            moment = getattr(self.instance, name, None)
            if zone and moment is not None:
                self.initial[name] = wall_time_in(moment, zone)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        zone = data.get("time_zone", "")
        if not is_known_zone(zone):
            return data
        for name in WALL_TIME_FIELDS:
            typed = data.get(name)
            if isinstance(typed, datetime):
                try:
                    data[name] = aware_from_wall_time(_as_typed(typed), zone)
                except ValidationError as error:
                    self.add_error(name, error)
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The event must end after it starts."))
        return data


def _as_typed(value: datetime) -> datetime:
    """The wall time the editor typed: Django made it aware in the server's zone, which is undone here."""
    return timezone.make_naive(value) if timezone.is_aware(value) else value


WHEN_CHOICES = [("upcoming", _("Upcoming")), ("past", _("Past"))]


def any_country_choices() -> list[tuple[str, str]]:
    return [("", _("Any country")), *country_choices()[1:]]


def region_choices() -> list[tuple[str, str]]:
    return [("", _("Any region")), *((key, str(name)) for key, name in REGION_NAMES.items())]


class EventFilterForm(forms.Form):
    """The listing's filters, read from the query string; an invalid value is ignored, never an error page."""

    when = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)
    country = CountryField(label=_("Country"), choices=any_country_choices, required=False)
    region = forms.ChoiceField(label=_("Region"), choices=region_choices, required=False)
    online = forms.BooleanField(label=_("Online or hybrid only"), required=False)
    campaign = forms.TypedChoiceField(label=_("Campaign"), coerce=int, required=False, empty_value=None)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(
        self, *args: Any, campaigns: list[tuple[int, str]], languages: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["campaign"].choices = [("", _("Any campaign")), *campaigns]
        self.fields["language"].choices = [("", _("Any language")), *languages]

    def filters(self) -> dict[str, Any]:
        """The valid filters; each invalid one is dropped."""
        self.is_valid()  # fills cleaned_data with the fields that are valid
        return self.cleaned_data
