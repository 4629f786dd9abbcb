from django import forms
from django.utils.translation import gettext_lazy as _


class RejectionForm(forms.Form):
    """A moderator's reason for keeping an endorsement off the list; kept for staff, never published."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For the coalition's staff, e.g. 'Not an organisation' or 'Could not be verified'."),
    )
