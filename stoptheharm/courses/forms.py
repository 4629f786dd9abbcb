from django import forms
from django.utils.translation import gettext_lazy as _

from stoptheharm.core.text import reject_forbidden_characters

MAX_NAME_LENGTH = 100


class CertificateForm(forms.Form):
    """The name on the certificate, exactly as the learner types it; it is put in the PDF and kept nowhere."""

    name = forms.CharField(
        label=_("Your name, as it should appear on the certificate"),
        max_length=MAX_NAME_LENGTH,
        validators=[reject_forbidden_characters],
    )
