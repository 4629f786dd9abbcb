from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stoptheharm.core.forms import TrappedForm
from stoptheharm.core.text import reject_forbidden_characters
from stoptheharm.courses.retention import UNUSED_MONTHS

MAX_NAME_LENGTH = 100
STARTED_SALT = "stoptheharm.courses.form-started"
MAX_COMPLETED_LENGTH = 20_000  # room for hundreds of lesson keys


class CertificateForm(forms.Form):
    """The name on the certificate, exactly as the learner types it; it is put in the PDF and kept nowhere."""

    name = forms.CharField(
        label=_("Your name, as it should appear on the certificate"),
        max_length=MAX_NAME_LENGTH,
        validators=[reject_forbidden_characters],
    )


class CompletedLessonsField(forms.CharField):
    """The lessons done in this browser: their keys separated by spaces, filled in by the script (empty without it)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, max_length=MAX_COMPLETED_LENGTH, widget=forms.HiddenInput, **kwargs)

    def clean(self, value: Any) -> list[str]:
        """The text's length is checked as sent; then the keys, each once."""
        return sorted(set(super().clean(value).split()))


class CompletedLessonsForm(forms.Form):
    """Only the lessons done; `lesson_keys` are the course's, anything else is refused."""

    completed = CompletedLessonsField()

    def __init__(self, *args: Any, lesson_keys: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lesson_keys = lesson_keys
        self.fields["completed"].widget.attrs["data-progress-keys"] = " ".join(sorted(lesson_keys))

    def clean_completed(self) -> list[str]:
        completed = self.cleaned_data["completed"]
        if not set(completed) <= self.lesson_keys:
            raise forms.ValidationError(
                _("Some of the lessons sent are not part of this course. Reload the course page and try again.")
            )
        return completed


class KeepProgressForm(TrappedForm, CompletedLessonsForm):
    """Asking for a private link that keeps the progress through a course: works without JavaScript."""

    started_salt = STARTED_SALT
    min_seconds_setting = "COURSE_PROGRESS_LIMITS"
    unused_months = UNUSED_MONTHS  # for the privacy line under the form

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("Used only to send you the private link; never shown or shared."),
    )
