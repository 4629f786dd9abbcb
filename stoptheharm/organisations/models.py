from typing import Any

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from stoptheharm.core.text import fold_text
from stoptheharm.organisations.names import normalise_organisation_name

LANGUAGE_CODE_LIST = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*(, ?[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)*$",
    _("Enter language codes separated by commas, e.g. 'en, ru, uk'."),
)


class OrganisationKind(models.TextChoices):
    NGO = "ngo", _("Non-governmental organisation")
    PEOPLE_WHO_USE_DRUGS = "pwud_network", _("Network of people who use drugs")
    SERVICE_PROVIDER = "service_provider", _("Service provider")
    RESEARCH = "research", _("Research institute")
    FOUNDATION = "foundation", _("Foundation")
    INTERGOVERNMENTAL = "intergovernmental", _("UN or intergovernmental body")
    GOVERNMENT = "government", _("Government body")
    MEDIA = "media", _("Media")


class OrganisationScope(models.TextChoices):
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    GLOBAL = "global", _("Global")


class OrganisationDetails(models.Model):
    """What the directory shows of an organisation: held by the organisation, and by an application to join."""

    name = models.CharField(
        max_length=255, help_text=_("The full name, in the organisation's own language and script.")
    )
    short_name = models.CharField(
        max_length=50, blank=True, help_text=_("An acronym or short form, if the organisation uses one, e.g. 'HRI'.")
    )
    kind = models.CharField(max_length=20, choices=OrganisationKind, help_text=_("What sort of organisation this is."))
    scope = models.CharField(
        max_length=10,
        choices=OrganisationScope,
        default=OrganisationScope.NATIONAL,
        help_text=_("Whether it works in one country, in a region or worldwide."),
    )
    region = models.CharField(
        max_length=100, blank=True, help_text=_("For a regional organisation, e.g. 'Eastern Europe and Central Asia'.")
    )
    countries = CountryField(
        multiple=True, blank=True, help_text=_("Where it works or is based. Leave empty for a global organisation.")
    )
    website = models.URLField(blank=True, help_text=_("Its public website; the name links to it."))
    languages = models.CharField(
        max_length=100,
        blank=True,
        validators=[LANGUAGE_CODE_LIST],
        help_text=_("The languages it works in, as codes separated by commas, e.g. 'en, ru, uk'."),
    )
    description = models.TextField(
        max_length=500, blank=True, help_text=_("One or two sentences on what it does, for the directory.")
    )

    class Meta:
        abstract = True


class Organisation(index.Indexed, OrganisationDetails):
    """An organisation in the coalition's directory: a member, a co-sponsor, a partner.

    Everything here may be shown publicly except `contact_email`, which is for the coalition's staff.
    """

    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Uploaded here, so that showing it loads nothing from another site."),
    )
    contact_email = models.EmailField(
        blank=True, help_text=_("Private: for the coalition's staff only, never shown on the site or in the API.")
    )
    is_verified = models.BooleanField(
        default=False,
        verbose_name=_("verified"),
        help_text=_("Staff have checked that the organisation exists and has agreed to be named."),
    )
    is_member = models.BooleanField(
        default=False, verbose_name=_("coalition member"), help_text=_("The organisation has joined the coalition.")
    )
    normalised_name = models.CharField(
        max_length=255,
        db_index=True,
        blank=True,
        editable=False,
        help_text=_("The name folded for finding duplicates (see names.py); kept up to date on save."),
    )
    search_name = models.CharField(
        max_length=310,
        blank=True,
        editable=False,
        help_text=_("The name and short name folded for the directory's search; kept up to date on save."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("short_name")]),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("scope"), FieldPanel("region")]), FieldPanel("countries")],
            heading=_("Where it works"),
        ),
        FieldPanel("website"),
        FieldPanel("languages"),
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldPanel("contact_email"),
        FieldRowPanel([FieldPanel("is_member"), FieldPanel("is_verified")]),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("short_name"),
        index.FilterField("kind"),
        index.FilterField("is_member"),
        index.FilterField("is_verified"),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.short_name})" if self.short_name else self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.derive_names()  # every way of saving (admin, services) keeps the derived columns in step
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"name", "short_name"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "normalised_name", "search_name"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"organisation_id": self.pk})

    def derive_names(self) -> None:
        """Fill the columns derived from the name; `bulk_create` skips save(), so its callers call this."""
        self.normalised_name = normalise_organisation_name(self.name)
        self.search_name = fold_text(f"{self.name} {self.short_name}")

    @property
    def language_codes(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]


class ApplicationStatus(models.TextChoices):
    PENDING_CONFIRMATION = "pending", _("Waiting for the contact to confirm")
    AWAITING_MODERATION = "awaiting", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


DECIDED_STATES = frozenset({ApplicationStatus.APPROVED, ApplicationStatus.REJECTED})


class OrganisationApplication(OrganisationDetails):
    """An organisation's application to join the coalition: its details as the directory shows them, and a contact.

    The contact's name and e-mail address are private: staff see them here, nothing public shows them.
    """

    motivation = models.TextField(
        max_length=2000, help_text=_("Why the organisation wants to join; read by the moderators, never published.")
    )
    contact_name = models.CharField(max_length=100, help_text=_("Private: the person who applied."))
    contact_email = models.EmailField(
        max_length=254, help_text=_("Private: where the confirmation link and the decision go. Normalised.")
    )
    language = models.CharField(max_length=8, help_text=_("The language the contact used; e-mails follow it."))
    consents = models.JSONField(help_text=_("The exact wording and version of each consent given."))
    secret = models.CharField(max_length=64, help_text=_("The random part of the link e-mailed to the contact."))
    status = models.CharField(
        max_length=10, choices=ApplicationStatus, default=ApplicationStatus.PENDING_CONFIRMATION, db_index=True
    )
    rejection_reason = models.TextField(
        max_length=1000, blank=True, help_text=_("Sent to the contact with the decision.")
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        help_text=_("The directory entry the approved application created or joined."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ip_hash = models.CharField(max_length=64, blank=True, help_text=_("Keyed hash of the address it came from."))
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    contact_erased_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the contact's name and address were erased (retention period).")
    )

    class Meta:
        verbose_name = _("application to join")
        verbose_name_plural = _("applications to join")
        ordering = ["created_at", "pk"]
        permissions = [("moderate_applications", _("Can approve and reject applications to join the coalition"))]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED_STATES
