"""Form pieces shared by the public's forms: the country list and the time trap."""

import functools
import time
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from stoptheharm.core.countries import is_country_code


def country_choices() -> list[tuple[str, str]]:
    """ISO 3166 countries, named and sorted in the page's language."""
    return [("", _("Choose your country")), *((code, str(name)) for code, name in countries)]


def any_country_choices() -> list[tuple[str, str]]:
    """The country list of a filter, whose empty choice means any country."""
    return [("", _("Any country")), *country_choices()[1:]]


@functools.cache
def _country_options(language: str, *, is_filter: bool) -> str:
    choices = any_country_choices() if is_filter else country_choices()
    return "".join(f'<option value="{escape(code)}">{escape(name)}</option>' for code, name in choices)


class CountrySelect(forms.Select):
    """The country list, rendered as one string per language.

    Django renders each of the 250 options through a template of its own: that was a third of the
    time of a petition page.
    """

    is_filter = False  # True: the empty choice reads "Any country"

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None) -> str:
        options = _country_options(get_language(), is_filter=self.is_filter)
        if value:
            chosen = f'<option value="{escape(value)}">'
            options = options.replace(chosen, chosen.replace(">", " selected>", 1), 1)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)),
                           mark_safe(options))  # fmt: skip  # noqa: S308  # escaped above


class CountryFilterSelect(CountrySelect):
    is_filter = True


class CountryField(forms.ChoiceField):
    """A choice of country, checked against the set of codes rather than the list of named choices."""

    def valid_value(self, value: Any) -> bool:
        return is_country_code(value)


def started_stamp(*, salt: str, moment: float | None = None) -> str:
    """A signed record of when a form was shown, for the time trap."""
    return signing.dumps(time.time() if moment is None else moment, salt=salt)


def is_filled_too_fast(stamp: str, *, salt: str, min_seconds: float) -> bool:
    """Sent without the stamp of a form the site showed, or faster than a person can fill it in."""
    try:
        shown_at = float(signing.loads(stamp, salt=salt))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return time.time() - shown_at < min_seconds


class TrappedForm(forms.Form):
    """A public form with a honeypot field and the time trap.

    Subclasses set `started_salt` (their own) and `min_seconds_setting`: the name of the limits
    setting (a dict) whose "min_seconds_to_fill" applies to them.
    """

    started_salt = ""
    min_seconds_setting = ""
    # A field people never see; software that fills in every field gives itself away.
    homepage = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["started"].initial = started_stamp(salt=self.started_salt)

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("homepage"))

    @property
    def looks_automated(self) -> bool:
        min_seconds = getattr(settings, self.min_seconds_setting)["min_seconds_to_fill"]
        return is_filled_too_fast(self.cleaned_data.get("started", ""), salt=self.started_salt, min_seconds=min_seconds)
