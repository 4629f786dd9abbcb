from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from stoptheharm.alerts.models import Severity
from stoptheharm.alerts.selectors import AlertFilters
from stoptheharm.alerts.services import clean_alert_photo
from stoptheharm.core.countries import is_country_code
from stoptheharm.core.forms import CountryField, CountryFilterSelect, TrappedForm, any_country_choices, country_choices
from stoptheharm.core.regions import REGION_NAMES

MAX_QUERY_LENGTH = 100
STARTED_SALT = "stoptheharm.alerts.form-started"


class AlertFilterForm(forms.Form):
    """The alerts page's filters, read from the query string; a value it cannot use is ignored."""

    q = forms.CharField(
        label=_("Substance or product"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_("E.g. 'ketamine' or 'Tesla'."),
    )
    country = CountryField(label=_("Country"), required=False, choices=any_country_choices, widget=CountryFilterSelect)
    region = forms.ChoiceField(label=_("Region"), required=False, choices=[("", _("Any")), *REGION_NAMES.items()])
    severity = forms.ChoiceField(label=_("Severity"), required=False, choices=[("", _("Any")), *Severity.choices])
    since = forms.DateField(label=_("Tested from"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Tested until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def filters(self) -> AlertFilters:
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        return AlertFilters(
            country=data.get("country") or "",
            region=data.get("region") or "",
            query=(data.get("q") or "").strip(),
            severity=data.get("severity") or "",
            since=data.get("since"),
            until=data.get("until"),
        )


class CountriesField(forms.MultipleChoiceField):
    """Several countries, checked against the set of codes rather than the list of named choices."""

    def valid_value(self, value: Any) -> bool:
        return is_country_code(value)


def language_choices() -> list[tuple[str, str]]:
    return [(code, str(name)) for code, name in settings.LANGUAGES]


class SubscriptionForm(TrappedForm):
    """Subscribing to early warnings by e-mail: works without JavaScript and keeps what was typed on errors."""

    started_salt = STARTED_SALT
    min_seconds_setting = "ALERT_SUBSCRIPTION_LIMITS"

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("Used only to send you the alerts; never shown or shared."),
    )
    every_country = forms.BooleanField(label=_("Alerts from every country"), required=False)
    countries = CountriesField(
        label=_("Or only from these countries"),
        required=False,
        choices=lambda: country_choices()[1:],
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl or ⌘ to choose several."),
    )
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=language_choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        every, chosen = cleaned.get("every_country"), cleaned.get("countries")
        if every and chosen:
            self.add_error("countries", _("Choose either every country or some countries, not both."))
        elif not every and not chosen and "countries" not in self.errors:
            self.add_error("countries", _("Choose at least one country, or every country."))
        return cleaned

    def subscription_fields(self) -> dict[str, Any]:
        every = self.cleaned_data["every_country"]
        return {
            "email": self.cleaned_data["email"],
            "countries": [] if every else self.cleaned_data["countries"],
            "language": self.cleaned_data["language"],
        }


class AlertAdminForm(WagtailAdminModelForm):
    """The admin's alert form: a new photo is re-encoded without its metadata before it is stored."""

    def clean_photo(self) -> Any:
        photo = self.cleaned_data.get("photo")
        if isinstance(photo, UploadedFile):  # a new upload; otherwise the stored photo, or none
            return clean_alert_photo(photo)
        return photo


class ReviewDecision:
    PUBLISH = "publish"
    REJECT = "reject"


class ReviewForm(forms.Form):
    """A reviewer's decision on one submitted alert: publish, or reject with a reason."""

    decision = forms.ChoiceField(choices=[(ReviewDecision.PUBLISH, ""), (ReviewDecision.REJECT, "")])
    reason = forms.CharField(required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("decision") == ReviewDecision.REJECT and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason, for the alert's authors."))
        return cleaned
