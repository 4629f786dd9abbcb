from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stoptheharm.organisations.models import OrganisationKind, OrganisationScope
from stoptheharm.organisations.selectors import CountryCount, DirectoryFilters

MAX_QUERY_LENGTH = 100


class DirectoryFilterForm(forms.Form):
    """The directory's search and filters, read from the query string; a value it cannot use is ignored."""

    q = forms.CharField(label=_("Search by name"), required=False, max_length=MAX_QUERY_LENGTH)
    country = forms.ChoiceField(label=_("Country"), required=False)
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
            scope=data.get("scope", ""),
            kind=data.get("kind", ""),
            is_member=data.get("member", False),
        )
