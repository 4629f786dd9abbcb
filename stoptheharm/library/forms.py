"""The library's search and filter form: a GET form that works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from stoptheharm.core.countries import is_country_code
from stoptheharm.core.text import has_forbidden_characters
from stoptheharm.library import selectors
from stoptheharm.library.models import ResourceKind
from stoptheharm.library.selectors import LibraryFilters, Sorting

MAX_QUERY_LENGTH = 200
SORTING_LABELS = {
    Sorting.RELEVANCE: _("Best match"),
    Sorting.NEWEST: _("Newest first"),
    Sorting.OLDEST: _("Oldest first"),
    Sorting.TITLE: _("Title"),
}


def _with_any(choices: list[tuple[str, str]], label: str) -> list[tuple[str, str]]:
    return [("", label), *choices]


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    sort = forms.ChoiceField(label=_("Sort by"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["kind"].choices = _with_any(list(ResourceKind.choices), _("Any kind"))
        fields["topic"].choices = _with_any([(c.value, c.label) for c in selectors.topic_choices()], _("Any topic"))
        languages = [(c.value, c.label) for c in selectors.language_choices()]
        fields["language"].choices = _with_any(languages, _("Any language"))
        countries = [(c.value, c.label) for c in selectors.country_choices()]
        fields["country"].choices = _with_any(countries, _("Any country"))
        fields["year"].choices = _with_any([(str(year), str(year)) for year in selectors.year_choices()], _("Any year"))
        fields["sort"].choices = [
            ("", _("Default")),
            *((value.value, label) for value, label in SORTING_LABELS.items()),
        ]

    def clean_q(self) -> str:
        query = self.cleaned_data["q"].strip()
        if has_forbidden_characters(query):
            raise forms.ValidationError(_("Control and invisible formatting characters are not allowed."))
        return query

    def clean_country(self) -> str:
        country = self.cleaned_data["country"]
        if country and not is_country_code(country):
            raise forms.ValidationError(_("Choose a country from the list."))
        return country

    def filters(self) -> LibraryFilters:
        """The valid fields' values: a field in error (shown beside it) does not filter."""
        data = self.cleaned_data if self.is_bound else {}
        return LibraryFilters(
            query=data.get("q", ""),
            kind=data.get("kind", ""),
            topic=data.get("topic", ""),
            language=data.get("language", ""),
            country=data.get("country", ""),
            year=data.get("year"),
            sorting=Sorting(data["sort"]) if data.get("sort") else None,
        )
