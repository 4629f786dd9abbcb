import uuid
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from stoptheharm.core.originals import DefaultLanguageOriginal
from stoptheharm.core.private_photos import private_photo_storage
from stoptheharm.core.text import reject_forbidden_characters
from stoptheharm.organisations.models import LANGUAGE_CODE_LIST

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class DayOfActionPage(DefaultLanguageOriginal, Page):
    """One year's global day of action: organisations register local actions, the page maps and counts them."""

    day = models.DateField(help_text=_("The date of the day of action, e.g. 26 June 2026."))
    year = models.PositiveSmallIntegerField(help_text=_("The year it belongs to; filters the API and lists."))
    intro = models.TextField(max_length=600, help_text=_("One or two sentences: what the day is and why it matters."))
    how_to_take_part = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text=_("What organisers can do, and what the day asks for.")
    )
    report = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text=_("After the day: a summary shown above the photos.")
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="days_of_action",
        help_text=_("The campaign this day of action belongs to, if any."),
    )
    importance = models.PositiveSmallIntegerField(
        default=0, help_text=_("Higher comes first on the Take Action page; 0 is ordinary.")
    )
    registration_opens_at = models.DateTimeField(null=True, blank=True, help_text=_("Leave empty to open at once."))
    registration_closes_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Leave empty to keep registration open until the end of the day itself.")
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("day"), FieldPanel("year")]),
        FieldPanel("intro"),
        FieldPanel("how_to_take_part"),
        FieldPanel("report"),
        MultiFieldPanel(
            [
                FieldPanel("campaign"),
                FieldPanel("importance"),
                FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
            ],
            heading=_("Campaign and registration"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("how_to_take_part")]

    parent_page_types = ["campaigns.CampaignPage", "pages.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("day of action")
        constraints = [
            models.CheckConstraint(
                condition=Q(registration_closes_at__isnull=True)
                | Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="day_of_action_registration_closes_after_it_opens",
            )
        ]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.localactions.selectors import day_of_action_context  # selectors import these models

        return {**super().get_context(request, *args, **kwargs), **day_of_action_context(self, request.GET)}

    def is_open_for_registration_at(self, moment: datetime) -> bool:
        if self.registration_opens_at and moment < self.registration_opens_at:
            return False
        if self.registration_closes_at:
            return moment < self.registration_closes_at
        return timezone.localdate(moment) <= self.day

    @property
    def is_open_for_registration(self) -> bool:
        return self.is_open_for_registration_at(timezone.now())

    @property
    def has_taken_place(self) -> bool:
        return timezone.localdate() > self.day


class ActionKind(models.TextChoices):
    MARCH = "march", _("March or rally")
    VIGIL = "vigil", _("Vigil")
    WORKSHOP = "workshop", _("Workshop or talk")
    STREET_OUTREACH = "outreach", _("Street outreach")
    ONLINE = "online", _("Online action")
    OTHER = "other", _("Other")


class ActionStatus(models.TextChoices):
    PENDING_CONFIRMATION = "pending", _("Waiting for the organiser to confirm")
    AWAITING_MODERATION = "awaiting", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


DECIDED_STATES = frozenset({ActionStatus.APPROVED, ActionStatus.REJECTED})


class LocalActionQuerySet(models.QuerySet["LocalAction"]):
    def approved(self) -> "LocalActionQuerySet":
        return self.filter(status=ActionStatus.APPROVED)


class LocalAction(models.Model):
    """An organisation's action in its city on the day of action, registered by an organiser without an account.

    The organiser's name and e-mail address are private: staff see them, nothing public shows them.
    Times are local times where the action takes place, on the day's date.
    """

    day = models.ForeignKey(DayOfActionPage, on_delete=models.CASCADE, related_name="local_actions")
    organisation_name = models.CharField(
        max_length=255, validators=[reject_forbidden_characters], help_text=_("As the organiser typed it.")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="local_actions",
        help_text=_("The directory entry, linked by staff when moderating."),
    )
    title = models.CharField(max_length=200, validators=[reject_forbidden_characters])
    description = models.TextField(max_length=2000, validators=[reject_forbidden_characters])
    kind = models.CharField(max_length=10, choices=ActionKind, default=ActionKind.OTHER)
    venue = models.CharField(max_length=255, blank=True, validators=[reject_forbidden_characters])
    city = models.CharField(max_length=100, validators=[reject_forbidden_characters])
    country = CountryField()
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    starts_at = models.TimeField(help_text=_("Local time where the action takes place, on the day."))
    ends_at = models.TimeField(null=True, blank=True, help_text=_("Local time; optional."))
    expected_participants = models.PositiveIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(1_000_000)]
    )
    public_contact = models.CharField(
        max_length=200,
        blank=True,
        validators=[reject_forbidden_characters],
        help_text=_("Shown on the public page only if the organiser gave one (opt-in)."),
    )
    languages = models.CharField(max_length=100, blank=True, validators=[LANGUAGE_CODE_LIST])
    contact_name = models.CharField(max_length=100, blank=True, help_text=_("Private: the organiser."))
    contact_email = models.EmailField(max_length=254, blank=True, help_text=_("Private; normalised."))
    language = models.CharField(max_length=8, help_text=_("The language the organiser used; e-mails follow it."))
    consents = models.JSONField(
        default=dict, blank=True, help_text=_("The exact wording and version of each consent given.")
    )
    secret = models.CharField(max_length=64, blank=True, help_text=_("The random part of the organiser's links."))
    status = models.CharField(
        max_length=10, choices=ActionStatus, default=ActionStatus.PENDING_CONFIRMATION, db_index=True
    )
    rejection_reason = models.TextField(max_length=1000, blank=True, help_text=_("Sent to the organiser."))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ip_hash = models.CharField(max_length=64, blank=True, help_text=_("Keyed hash of the address it came from."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    contact_erased_at = models.DateTimeField(null=True, blank=True)

    objects = LocalActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("local action")
        verbose_name_plural = _("local actions")
        ordering = ["country", "city", "starts_at", "pk"]
        permissions = [("moderate_local_actions", _("Can approve and reject local actions and their photos"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="local_action_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="local_action_both_coordinates_or_none",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.city} ({self.get_status_display()})"

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED_STATES

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def date(self) -> date:
        return self.day.day


class PhotoStatus(models.TextChoices):
    AWAITING_MODERATION = "awaiting", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")


PHOTO_FOLDER = "localactions"  # in the private storage (core.private_photos)


def photo_path(photo: "ActionPhoto", filename: str) -> str:
    """A random name: the uploaded file's own name may say who took it or where."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"{PHOTO_FOLDER}/{uuid.uuid4().hex}.{extension}"


class ActionPhoto(models.Model):
    """A photo of a local action for the day's report; stripped of all metadata on upload, public once approved.

    Stored privately (core.private_photos): its URL answers only while both the photo and its action are
    approved (selectors.is_public_photo). A moderator who turns a photo down deletes it
    (services.remove_photo): nothing is kept of it. Deleting the row deletes the file (receivers.py).
    """

    action = models.ForeignKey(LocalAction, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(
        upload_to=photo_path,
        storage=private_photo_storage,
        width_field="width",
        height_field="height",
        db_index=True,  # the public URL is looked up by the stored name
    )
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt_text = models.CharField(
        max_length=250,
        validators=[reject_forbidden_characters],
        help_text=_("What the photo shows, for screen readers."),
    )
    caption = models.CharField(max_length=300, blank=True, validators=[reject_forbidden_characters])
    status = models.CharField(
        max_length=10, choices=PhotoStatus, default=PhotoStatus.AWAITING_MODERATION, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("photo of a local action")
        verbose_name_plural = _("photos of local actions")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.alt_text} ({self.get_status_display()})"
