from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stoptheharm.core import forms as core_forms
from stoptheharm.core.forms import CountryField, CountrySelect, country_choices
from stoptheharm.core.text import has_forbidden_characters
from stoptheharm.organisations.models import Organisation, OrganisationKind
from stoptheharm.organisations.selectors import (
    DirectoryFilters,
    SimilarOrganisation,
    directory_organisations,
    find_similar_organisations,
)
from stoptheharm.statements import consents

STARTED_SALT = "stoptheharm.statements.form-started"
INVISIBLE_CHARACTERS = _("Please type this without control or invisible formatting characters.")


class RejectionForm(forms.Form):
    """A moderator's reason for keeping an endorsement off the list; kept for staff, never published."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For the coalition's staff, e.g. 'Not an organisation' or 'Could not be verified'."),
    )


class MergeForm(forms.Form):
    """The directory organisation a proposed one is the same as."""

    organisation = forms.ModelChoiceField(
        label=_("The organisation in the directory"),
        queryset=Organisation.objects.order_by("name"),
        help_text=_("The endorsement is linked to it; the proposed details are kept for the record."),
    )


class PublicForm(core_forms.TrappedForm):
    """What every public endorsing form has: a honeypot and the time trap."""

    started_salt = STARTED_SALT
    min_seconds_setting = "STATEMENT_LIMITS"

    def _clean_text(self, name: str) -> str:
        value = self.cleaned_data[name].strip()
        if has_forbidden_characters(value):
            raise ValidationError(INVISIBLE_CHARACTERS)
        return value


def kind_choices() -> list[tuple[str, str]]:
    return [("", _("Choose a kind")), *OrganisationKind.choices]


class EndorsementForm(PublicForm):
    """An organisation's endorsement: one from the directory, or a new one described; works without JavaScript."""

    query = forms.CharField(label=_("Find your organisation in the directory"), max_length=100, required=False)
    organisation = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    name = forms.CharField(label=_("Organisation's full name"), max_length=255, required=False)
    country = CountryField(
        label=_("Country where it is based"), choices=country_choices, widget=CountrySelect, required=False
    )
    website = forms.URLField(label=_("Its website"), max_length=200, required=False, assume_scheme="https")
    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=kind_choices, required=False)
    is_different = forms.BooleanField(
        label=_("It is none of the organisations above: add it as a new one"), required=False
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=100)
    contact_email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    confirms_authority = forms.BooleanField(
        label=consents.AUTHORITY,
        error_messages={"required": _("Only someone who may sign for the organisation can endorse for it.")},
    )
    consent = forms.BooleanField(
        label=consents.PROCESSING,
        error_messages={"required": _("The endorsement can only be recorded with your agreement.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.candidates: list[SimilarOrganisation] = []
        self.chosen: Organisation | None = None

    def clean_name(self) -> str:
        return self._clean_text("name")

    def clean_contact_name(self) -> str:
        return self._clean_text("contact_name")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("organisation"):
            self.chosen = Organisation.objects.filter(pk=data["organisation"]).first()
            if self.chosen is None:
                self.add_error("query", _("This organisation is not in the directory; search again."))
            return data
        for field in ("name", "kind"):
            if field in data and not data[field]:
                self.add_error(field, _("Choose your organisation in the directory above, or describe it here."))
        if data.get("name") and not data.get("is_different"):
            self.candidates = find_similar_organisations(data["name"], data.get("website", ""), limit=5)
            if self.candidates:
                self.add_error(
                    "name",
                    _("The directory has organisations like this one: choose yours above, or tick the box below."),
                )
        return data

    def proposed(self) -> dict[str, str] | None:
        """The new organisation's details, or None when one from the directory was chosen."""
        if self.chosen is not None:
            return None
        return {key: self.cleaned_data[key] for key in ("name", "country", "website", "kind")}


class IndividualEndorsementForm(PublicForm):
    """A person signing in their own name, on statements that accept individuals."""

    name = forms.CharField(label=_("Your name"), max_length=100)
    country = CountryField(label=_("Your country"), choices=country_choices, widget=CountrySelect)
    affiliation = forms.CharField(
        label=_("Affiliation (optional)"),
        max_length=255,
        required=False,
        help_text=_("Shown after your name, e.g. 'outreach worker, Lisbon'."),
    )
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    consent = forms.BooleanField(
        label=consents.INDIVIDUAL_PROCESSING,
        error_messages={"required": _("Your signature can only be recorded with your agreement.")},
    )

    def clean_name(self) -> str:
        return self._clean_text("name")

    def clean_affiliation(self) -> str:
        return self._clean_text("affiliation")

    def signature_fields(self) -> dict[str, str]:
        return {key: self.cleaned_data[key] for key in ("name", "country", "affiliation", "email")}


def endorsement_forms(
    statement: Any, *, endorsement_form: EndorsementForm | None, individual_form: IndividualEndorsementForm | None
) -> dict[str, Any]:
    """The statement page's forms (blank unless sent back with errors) and the directory's matches for the search."""
    if not statement.is_open_for_signing:
        return {}
    form = endorsement_form or EndorsementForm()
    query = (form["query"].value() or "").strip()
    chosen = form["organisation"].value()
    return {
        "endorsement_form": form,
        "organisation_matches": list(directory_organisations(DirectoryFilters(query=query))[:10]) if query else [],
        "chosen_organisation": str(chosen or ""),
        "individual_form": (individual_form or IndividualEndorsementForm()) if statement.accepts_individuals else None,
    }
