import time
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from stoptheharm.core.regions import REGION_NAMES
from stoptheharm.core.text import has_forbidden_characters
from stoptheharm.organisations import consents
from stoptheharm.organisations.imports import HTML_TAG
from stoptheharm.organisations.models import Organisation, OrganisationApplication, OrganisationKind, OrganisationScope
from stoptheharm.organisations.selectors import CountryCount, DirectoryFilters

MAX_QUERY_LENGTH = 100


class DirectoryFilterForm(forms.Form):
    """The directory's search and filters, read from the query string; a value it cannot use is ignored."""

    q = forms.CharField(label=_("Search by name"), required=False, max_length=MAX_QUERY_LENGTH)
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False, choices=[("", _("Any")), *REGION_NAMES.items()])
    scope = forms.ChoiceField(label=_("Reach"), required=False, choices=[("", _("Any")), *OrganisationScope.choices])
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Any")), *OrganisationKind.choices])
    member = forms.BooleanField(label=_("Coalition members only"), required=False)

    def __init__(self, *args: Any, countries: list[CountryCount], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = sorted((country.code, country.name) for country in countries)
        self.fields["country"].choices = [("", _("Any")), *sorted(choices, key=lambda choice: choice[1])]

    def filters(self) -> DirectoryFilters:
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        return DirectoryFilters(
            query=data.get("q", ""),
            country=data.get("country", ""),
            region=data.get("region", ""),
            scope=data.get("scope", ""),
            kind=data.get("kind", ""),
            is_member=data.get("member", False),
        )


STARTED_SALT = "stoptheharm.organisations.form-started"
APPLICATION_TEXT_FIELDS = ("name", "short_name", "region", "website", "languages", "description", "motivation",
                           "contact_name")  # fmt: skip
MULTILINE_FIELDS = frozenset({"description", "motivation"})
LINE_BREAKS = str.maketrans("", "", "\r\n\t")


class ApplicationForm(forms.ModelForm):
    """The "Join the coalition" form: works without JavaScript and keeps what was typed when it has errors."""

    consent = forms.BooleanField(
        label=consents.PROCESSING,
        error_messages={"required": _("The application can only be handled with your agreement.")},
    )
    authorised = forms.BooleanField(
        label=consents.AUTHORISED,
        error_messages={"required": _("Only someone who may speak for the organisation can apply.")},
    )
    # A field people never see; software that fills in every field gives itself away.
    phone = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = OrganisationApplication
        fields = ["name", "short_name", "kind", "scope", "region", "countries", "website", "languages",
                  "description", "motivation", "contact_name", "contact_email"]  # fmt: skip
        labels = {
            "name": _("Name of the organisation"),
            "short_name": _("Short name or acronym"),
            "kind": _("Kind of organisation"),
            "scope": _("Reach"),
            "region": _("Region"),
            "countries": _("Countries"),
            "website": _("Website"),
            "languages": _("Languages"),
            "description": _("What it does"),
            "motivation": _("Why does it want to join the coalition?"),
            "contact_name": _("Your name"),
            "contact_email": _("Your e-mail address"),
        }
        help_texts = {
            "countries": _("Where it works or is based (hold Ctrl or ⌘ to choose several). None for a global one."),
            "description": _("One or two sentences for the directory (500 characters at most)."),
            "motivation": _("For the coalition's moderators only; never published."),
            "contact_name": _("Private: only the coalition's staff see it."),
            "contact_email": _("Private: we send the confirmation link and our decision here, nothing else."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "motivation": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:  # a form sent back shows the stamp it was sent with
            self.fields["started"].initial = signing.dumps(time.time(), salt=STARTED_SALT)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for name in APPLICATION_TEXT_FIELDS:
            value = cleaned.get(name) or ""
            checked = value.translate(LINE_BREAKS) if name in MULTILINE_FIELDS else value
            if has_forbidden_characters(checked):
                self.add_error(name, _("Please type this without control or invisible formatting characters."))
            elif HTML_TAG.search(value):
                self.add_error(name, _("Please type this as plain text, without HTML."))
        return cleaned

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("phone"))

    @property
    def looks_automated(self) -> bool:
        """Sent without the stamp of a form we showed, or faster than a person can fill it in."""
        try:
            shown_at = float(signing.loads(self.cleaned_data.get("started", ""), salt=STARTED_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            return True
        return time.time() - shown_at < settings.ORGANISATION_APPLICATION_LIMITS["min_seconds_to_fill"]

    def application_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ModerationDecision:
    APPROVE = "approve"
    MERGE = "merge"
    REJECT = "reject"


class ModerationForm(forms.Form):
    """A moderator's decision on one application: approve, approve as an existing entry, or reject with a reason."""

    decision = forms.ChoiceField(
        choices=[(ModerationDecision.APPROVE, ""), (ModerationDecision.MERGE, ""), (ModerationDecision.REJECT, "")]
    )
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all(), required=False)
    reason = forms.CharField(required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == ModerationDecision.MERGE and not cleaned.get("organisation"):
            self.add_error("organisation", _("Choose the directory entry this organisation is."))
        if decision == ModerationDecision.REJECT and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason: it is sent to the applicant."))
        return cleaned
