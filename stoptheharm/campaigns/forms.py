from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from stoptheharm.core.forms import CountryField, CountryFilterSelect, any_country_choices


def any_language_choices() -> list[tuple[str, str]]:
    """The site's languages, each named in itself, as a reader of that language looks for it."""
    return [("", _("Any language")), *settings.LANGUAGES]


class ActionFilterForm(forms.Form):
    """The Take Action page's filters, sent by GET so that a filtered list has an address to share."""

    country = CountryField(
        label=_("Country"),
        choices=any_country_choices,
        widget=CountryFilterSelect,
        required=False,
        error_messages={"invalid_choice": _("Choose a country from the list.")},
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=any_language_choices,
        required=False,
        error_messages={"invalid_choice": _("Choose a language from the list.")},
    )
