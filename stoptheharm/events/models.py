import zoneinfo
from datetime import datetime
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from stoptheharm.core.originals import DefaultLanguageOriginal
from stoptheharm.core.text import reject_forbidden_characters
from stoptheharm.events.forms import EventPageForm, RegistrationForm
from stoptheharm.events.timezones import time_zone_choices, validate_zone

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class EventIndexPage(Page):
    """The list of events, with filters, the calendar feeds and the map; events are its children."""

    intro = models.TextField(max_length=500, blank=True, help_text=_("A short summary above the list of events."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage", "pages.SectionPage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.events.selectors import event_listing_context  # selectors import these models

        return {**super().get_context(request, *args, **kwargs), **event_listing_context(self, request.GET)}


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid: in person and online")


ONLINE_FORMATS = (EventFormat.ONLINE, EventFormat.HYBRID)
PLACE_FORMATS = (EventFormat.IN_PERSON, EventFormat.HYBRID)
LANGUAGE_CODES = RegexValidator(
    r"^[a-z]{2,3}(,[a-z]{2,3})*$", _("Language codes separated by commas, without spaces, e.g. en,es,ru.")
)


class EventPage(DefaultLanguageOriginal, Page):
    """A conference, an online meeting or a local action, with registration when it has a capacity or not.

    `starts_at` and `ends_at` are moments (stored in UTC); `time_zone` is where the event's clock
    hangs: the page shows its times there, and editors type them there (forms.EventPageForm).
    The online link is private: only registered attendees see it, on their own page and in the reminder.
    """

    description = RichTextField(features=RICH_TEXT_FEATURES, help_text=_("What the event is, for whom, and why."))
    starts_at = models.DateTimeField(help_text=_("Type the time as the clock shows it in the event's time zone."))
    ends_at = models.DateTimeField(help_text=_("Type the time as the clock shows it in the event's time zone."))
    time_zone = models.CharField(
        max_length=64,
        choices=time_zone_choices,
        default="UTC",
        validators=[validate_zone],
        help_text=_("Where the event happens, e.g. Europe/Lisbon; for an online event, the organisers' zone."),
    )
    format = models.CharField(max_length=16, choices=EventFormat, default=EventFormat.IN_PERSON)
    venue = models.CharField(max_length=200, blank=True, help_text=_("The building and address, if in person."))
    city = models.CharField(max_length=100, blank=True)
    country = CountryField(blank=True, help_text=_("Where it happens; empty for an online event."))
    latitude = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Optional: puts the event on the map, e.g. 41.14961 for Porto."),
    )
    longitude = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Optional, with the latitude, e.g. -8.61099 for Porto."),
    )
    online_link = models.URLField(
        max_length=500,
        blank=True,
        help_text=_("Private: shown only to registered attendees (their page and the reminder), never on the site."),
    )
    languages = models.CharField(
        max_length=60,
        blank=True,
        validators=[LANGUAGE_CODES],
        help_text=_("The languages spoken or interpreted, as codes separated by commas, e.g. en,es,ru."),
    )
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Places; when they are taken, people join a waiting list. Empty: no limit.")
    )
    registration_closes_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Leave empty to take registrations until the event starts.")
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("The campaign this event serves, if any."),
    )
    importance = models.PositiveSmallIntegerField(default=0, help_text=_("Higher comes first on the Take Action page."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("time_zone"), FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("location"),
                FieldPanel("online_link"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("languages"), FieldPanel("capacity"), FieldPanel("registration_closes_at")],
            heading=_("Registration"),
        ),
        InlinePanel("organisers", heading=_("Organisers and co-organisers"), label=_("Organiser")),
        MultiFieldPanel([FieldPanel("campaign"), FieldPanel("importance")], heading=_("Campaign")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("description"), index.SearchField("city")]

    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_it_starts"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="event_coordinates_come_in_pairs",
            ),
        ]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.events.selectors import event_page_context  # selectors import these models

        form = kwargs.get("registration_form") or RegistrationForm()
        context = super().get_context(request, *args, **kwargs)
        return {**context, **event_page_context(self, request), "registration_form": form}

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def is_online(self) -> bool:
        return self.format in ONLINE_FORMATS

    @property
    def has_place(self) -> bool:
        return self.format in PLACE_FORMATS

    @property
    def registration_deadline(self) -> datetime:
        return self.registration_closes_at or self.starts_at

    def is_open_for_registration_at(self, moment: datetime) -> bool:
        return moment < self.registration_deadline and moment < self.starts_at

    @property
    def is_open_for_registration(self) -> bool:
        return self.is_open_for_registration_at(timezone.now())

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()


class OrganiserRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    CO_ORGANISER = "co_organiser", _("Co-organiser")


class EventOrganiser(Orderable):
    """An organisation that organises or co-organises the event, listed in the editors' order."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="organisers")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Choose from the organisations in the directory, or add one there first."),
    )
    role = models.CharField(max_length=16, choices=OrganiserRole, default=OrganiserRole.ORGANISER)

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "organisation"], name="one_organiser_entry_per_event")]

    def __str__(self) -> str:
        return str(self.organisation)


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed: has a place")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


# One registration per address per event among these (the database enforces it).
ACTIVE_STATES = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


class Registration(models.Model):
    """A person's registration for an event: private, never shown on the site or in the API.

    Confirmed by the e-mailed link; when the event is full, a confirmation puts it on the waiting list,
    from which it is promoted in order (`waiting_position`) when a place frees up.
    """

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(max_length=100, validators=[reject_forbidden_characters])
    email = models.EmailField(max_length=254, help_text=_("Private. Normalised: trimmed, NFKC, lower-case."))
    organisation_name = models.CharField(
        max_length=255, blank=True, validators=[reject_forbidden_characters], help_text=_("Optional, as typed.")
    )
    language = models.CharField(max_length=8, help_text=_("The language the person used; e-mails follow it."))
    consents = models.JSONField(help_text=_("The exact wording and version of what the person agreed to."))
    status = models.CharField(max_length=16, choices=RegistrationStatus, default=RegistrationStatus.PENDING)
    waiting_position = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Place on the waiting list: the lowest is promoted first.")
    )
    secret = models.CharField(max_length=64, blank=True, help_text=_("Private: the random part of the e-mailed link."))
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, help_text=_("When the reminder e-mail was sent."))
    anonymised_at = models.DateTimeField(null=True, blank=True, help_text=_("When the name and address were erased."))

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=ACTIVE_STATES),
                name="one_active_registration_per_address",
            ),
            models.CheckConstraint(
                condition=~Q(status=RegistrationStatus.WAITING) | Q(waiting_position__isnull=False),
                name="waiting_registration_has_a_position",
            ),
        ]
        permissions = [("export_registrations", _("Can export event registrations with names and addresses"))]
        indexes = [models.Index(fields=["event", "status"], name="registration_listing")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"
