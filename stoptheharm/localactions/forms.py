from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stoptheharm.core import forms as core_forms
from stoptheharm.core.forms import CountryField, CountrySelect, country_choices
from stoptheharm.core.mappoints import MapPoint, MapPointField
from stoptheharm.core.text import has_forbidden_characters
from stoptheharm.localactions import consents
from stoptheharm.localactions.models import ActionKind, LocalAction
from stoptheharm.organisations.models import Organisation

STARTED_SALT = "stoptheharm.localactions.form-started"
INVISIBLE_CHARACTERS = _("Please type this without control or invisible formatting characters.")
TEXT_FIELDS = ("organisation_name", "title", "description", "venue", "city", "public_contact", "contact_name")


class ActionDetailsForm(forms.Form):
    """What, where and when: the fields the organiser gives when registering and may change later."""

    organisation_name = forms.CharField(label=_("Your organisation or group"), max_length=255)
    title = forms.CharField(
        label=_("Name of the action"), max_length=200, help_text=_("E.g. 'Vigil at the courthouse'.")
    )
    description = forms.CharField(
        label=_("What will happen"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )
    kind = forms.ChoiceField(label=_("Kind of action"), choices=ActionKind.choices)
    venue = forms.CharField(
        label=_("Venue (optional)"),
        max_length=255,
        required=False,
        help_text=_("Only if it is safe to announce. Leave empty to give the city alone."),
    )
    city = forms.CharField(label=_("City or town"), max_length=100)
    country = CountryField(label=_("Country"), choices=country_choices, widget=CountrySelect)
    location = MapPointField(
        label=_("Place on the map (optional)"),
        required=False,
        help_text=_(
            "Type the latitude and longitude, or click the map. Leave empty to list the action without a point."
        ),
    )
    starts_at = forms.TimeField(
        label=_("Starts at (local time)"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    ends_at = forms.TimeField(
        label=_("Ends at (local time, optional)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    expected_participants = forms.IntegerField(
        label=_("Expected participants (optional)"), min_value=1, max_value=1_000_000, required=False
    )
    languages = forms.CharField(
        label=_("Languages (optional)"),
        max_length=100,
        required=False,
        help_text=_("Language codes separated by commas, e.g. 'en, pt'."),
    )
    public_contact = forms.CharField(
        label=_("Public contact (optional)"),
        max_length=200,
        required=False,
        help_text=_("Shown on the public page, e.g. a group e-mail address or website. Leave empty to show none."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in TEXT_FIELDS:
            if name in self.fields and has_forbidden_characters(data.get(name) or ""):
                self.add_error(name, INVISIBLE_CHARACTERS)
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must be after the start."))
        return data

    def action_fields(self) -> dict[str, Any]:
        fields = {name: self.cleaned_data[name] for name in ActionDetailsForm.base_fields if name != "location"}
        point = self.cleaned_data["location"]
        return (
            fields
            | {name: fields[name].strip() for name in TEXT_FIELDS if name in fields}
            | {
                "latitude": _coordinate(point.latitude if point else None),
                "longitude": _coordinate(point.longitude if point else None),
            }
        )


def _coordinate(value: float | None) -> Decimal | None:
    """Five decimals, as the model keeps them: about a metre, more than a map needs."""
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.00001"))


class RegistrationForm(core_forms.TrappedForm, ActionDetailsForm):
    """The public registration form: the details, the private contact, a honeypot and the time trap."""

    started_salt = STARTED_SALT
    min_seconds_setting = "LOCAL_ACTION_LIMITS"
    contact_name = forms.CharField(label=_("Your name"), max_length=100)
    contact_email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("Private: for the confirmation link, the moderators' decision and your link to edit the action."),
    )
    consent = forms.BooleanField(
        label=consents.PROCESSING,
        error_messages={"required": _("The action can only be registered with your agreement.")},
    )

    def registration_fields(self) -> dict[str, Any]:
        return self.action_fields() | {
            "contact_name": self.cleaned_data["contact_name"].strip(),
            "contact_email": self.cleaned_data["contact_email"],
        }


def edit_form(action: LocalAction, data: Any = None) -> ActionDetailsForm:
    """The details form, filled in with the action as it is."""
    initial = {name: getattr(action, name) for name in ActionDetailsForm.base_fields if name != "location"}
    initial["country"] = action.country.code
    if action.has_coordinates:
        initial["location"] = MapPoint(float(action.latitude), float(action.longitude))
    return ActionDetailsForm(data, initial=initial)


class PhotoForm(forms.Form):
    """A photo for the day's report; the checks that matter (real type, size, pixels) run in the service."""

    image = forms.FileField(
        label=_("Photo (JPEG, PNG or WebP)"),
        help_text=_(
            "Everything the file carries besides the picture (location, camera, date) is removed. "
            "Please only share photos of people who agreed to be seen."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_text = forms.CharField(
        label=_("What the photo shows"), max_length=250, help_text=_("For people who cannot see it.")
    )
    caption = forms.CharField(label=_("Caption (optional)"), max_length=300, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in ("alt_text", "caption"):
            if has_forbidden_characters(data.get(name) or ""):
                self.add_error(name, INVISIBLE_CHARACTERS)
        return data


class RejectionForm(forms.Form):
    """A moderator's reason for keeping an action off the page; e-mailed to the organiser."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the organiser, e.g. 'This does not fit the aims of the day of action'."),
    )


class ApprovalForm(forms.Form):
    """Approving an action, optionally linking it to the organisation's entry in the directory."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation in the directory (optional)"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Linked, the action is listed on the organisation's page."),
    )
