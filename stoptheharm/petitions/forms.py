from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stoptheharm.core import forms as core_forms
from stoptheharm.core.forms import CountryField, CountrySelect, country_choices
from stoptheharm.core.text import has_forbidden_characters
from stoptheharm.petitions import consents
from stoptheharm.petitions.challenge import is_answered, new_question
from stoptheharm.petitions.models import PetitionPage
from stoptheharm.petitions.normalisation import MAX_NAME_LENGTH
from stoptheharm.petitions.trending import GroupWindow, InvalidGroup, read_group_token

STARTED_SALT = "stoptheharm.petitions.form-started"


def started_stamp(moment: float | None = None) -> str:
    """A signed record of when the form was shown, for the time trap."""
    return core_forms.started_stamp(salt=STARTED_SALT, moment=moment)


class AnswerInput(forms.TextInput):
    """Shows an empty box whatever was sent: a form sent back asks a new question."""

    def format_value(self, value: Any) -> None:
        return None


class QuestionTokenInput(forms.HiddenInput):
    """Carries the token of the question shown now, not of the one that was answered."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def format_value(self, value: Any) -> str:
        return self.token


class SignatureForm(forms.Form):
    """The signing form; works without JavaScript and keeps what was typed when it has errors."""

    name = forms.CharField(label=_("Your name"), max_length=MAX_NAME_LENGTH)
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    country = CountryField(label=_("Your country"), choices=country_choices, widget=CountrySelect)
    consent = forms.BooleanField(
        label=consents.PROCESSING,
        error_messages={"required": _("Your signature can only be counted with your agreement.")},
    )
    is_public = forms.BooleanField(label=consents.PUBLIC_LIST, required=False)
    wants_updates = forms.BooleanField(label=consents.UPDATES, required=False)
    # A field people never see; software that fills in every field gives itself away.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, challenge: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:  # a form sent back shows the stamp it was sent with
            self.fields["started"].initial = started_stamp()
        if challenge:
            self._add_challenge()

    def _add_challenge(self) -> None:
        """The question asked while the petition is under attack; the token is cleaned before the answer."""
        question = new_question()
        self.fields["challenge_token"] = forms.CharField(required=False, widget=QuestionTokenInput(question.token))
        self.fields["challenge"] = forms.CharField(
            label=question.text,
            help_text=_("A check that a person is signing: type the answer in digits."),
            max_length=10,
            widget=AnswerInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            error_messages={"required": _("Please answer the question.")},
        )

    def clean_challenge(self) -> str:
        answer = self.cleaned_data["challenge"]
        if not is_answered(token=self.cleaned_data.get("challenge_token", ""), answer=answer):
            raise ValidationError(_("That was not the answer, or the question had expired. Please answer this one."))
        return answer

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if has_forbidden_characters(name):
            raise ValidationError(_("Please type your name without control or invisible formatting characters."))
        return name

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    @property
    def looks_automated(self) -> bool:
        """Sent without the stamp of a form we showed, or faster than a person can fill it in."""
        return core_forms.is_filled_too_fast(
            self.cleaned_data.get("started", ""),
            salt=STARTED_SALT,
            min_seconds=settings.PETITION_LIMITS["min_seconds_to_fill"],
        )

    def signature_fields(self) -> dict[str, Any]:
        return {key: self.cleaned_data[key] for key in ("name", "email", "country", "is_public", "wants_updates")}


class ResendForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)


class GroupInvalidationForm(forms.Form):
    """A trending group of one petition (a signed token) and which of its signatures to invalidate."""

    group = forms.CharField(widget=forms.HiddenInput)
    window = forms.ChoiceField(choices=GroupWindow.choices, required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, petition: PetitionPage, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.petition = petition

    def clean_group(self) -> tuple[str, str]:
        try:
            return read_group_token(self.cleaned_data["group"], petition=self.petition)
        except InvalidGroup as error:
            raise ValidationError(_("This group does not belong to this petition.")) from error

    def clean_window(self) -> str:
        return self.cleaned_data["window"] or GroupWindow.HOUR

    def group_fields(self) -> dict[str, str]:
        kind, key = self.cleaned_data["group"]
        return {"kind": kind, "key": key, "window": self.cleaned_data["window"]}
