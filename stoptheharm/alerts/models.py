import uuid
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin

from stoptheharm.core.private_photos import PrivatePhotoInput, private_photo_storage
from stoptheharm.core.text import fold_text, reject_forbidden_characters


class Severity(models.TextChoices):
    """How dangerous the finding is; always shown with its words and a symbol, never by colour alone."""

    INFO = "info", _("Information")
    WARNING = "warning", _("Warning")
    DANGER = "danger", _("Danger")


class AlertStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, awaiting review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


def language_choices() -> list[tuple[str, str]]:
    return [(code, str(name)) for code, name in settings.LANGUAGES]


PHOTO_FOLDER = "alerts"  # in the private storage (core.private_photos)


def alert_photo_path(alert: "Alert", filename: str) -> str:
    """A random name: the uploaded file's own name may say who took it or where."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"{PHOTO_FOLDER}/{uuid.uuid4().hex}.{extension}"


class AlertQuerySet(models.QuerySet["Alert"]):
    def published(self) -> "AlertQuerySet":
        return self.filter(status=AlertStatus.PUBLISHED)


class Alert(RevisionMixin, ClusterableModel):
    """A drug-checking service's warning about a substance sold in a place; public only once staff publish it.

    Staff of a service (or of the coalition) write it in the admin; a reviewer with the `publish_alert`
    permission publishes or rejects it (services.publish_alert, reject_alert), and publishing e-mails the
    subscribers of its country. Every edit is a revision. The photo is stored privately
    (core.private_photos): its URL answers only while the alert is published; deleting the alert
    deletes its photos, those of earlier revisions included (receivers.py).
    """

    sold_as = models.CharField(
        max_length=200,
        validators=[reject_forbidden_characters],
        verbose_name=_("sold as"),
        help_text=_(
            "What the buyer was told it was, with what identifies it, e.g. \"ecstasy pill, blue, 'Tesla' logo\"."
        ),
    )
    country = CountryField(help_text=_("Where the sample was bought or handed in."))
    place = models.CharField(
        max_length=100,
        blank=True,
        validators=[reject_forbidden_characters],
        verbose_name=_("city or region"),
        help_text=_("Only as precise as is safe, e.g. 'Lyon' or 'Catalonia'."),
    )
    sampled_on = models.DateField(verbose_name=_("sample date"), help_text=_("When the sample was tested."))
    severity = models.CharField(max_length=10, choices=Severity, default=Severity.WARNING)
    advice = models.TextField(
        max_length=2000,
        validators=[reject_forbidden_characters],
        help_text=_("Plain words for the people who may take it: what the risk is and what to do. No jargon."),
    )
    service = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="alerts",
        verbose_name=_("publishing service"),
        help_text=_("The drug-checking service that tested the sample, from the directory."),
    )
    photo = models.ImageField(
        upload_to=alert_photo_path,
        storage=private_photo_storage,  # its URL answers only while the alert is published
        db_index=True,  # the public URL is looked up by the stored name
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        help_text=_(
            "Optional: a photo of the pill or product. JPEG, PNG or WebP; its location and camera data are removed."
        ),
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_description = models.CharField(
        max_length=200,
        blank=True,
        validators=[reject_forbidden_characters],
        help_text=_("What the photo shows, for screen readers, e.g. 'A blue pill with a car maker's logo'."),
    )
    language = models.CharField(
        max_length=8, choices=language_choices, default="en", help_text=_("The language the alert is written in.")
    )
    status = models.CharField(max_length=10, choices=AlertStatus, default=AlertStatus.SUBMITTED, db_index=True)
    rejection_reason = models.TextField(max_length=1000, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True, editable=False)
    search_text = models.TextField(
        blank=True,
        editable=False,
        help_text=_("What it was sold as and the substances found, folded for the search; kept up to date on save."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AlertQuerySet.as_manager()

    panels = [
        FieldPanel("sold_as"),
        InlinePanel("findings", heading=_("What was found"), label=_("Finding"), min_num=1),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("country"), FieldPanel("place")]), FieldPanel("sampled_on")],
            heading=_("Where and when"),
        ),
        FieldPanel("severity"),
        FieldPanel("advice"),
        FieldPanel("service"),
        MultiFieldPanel(
            [FieldPanel("photo", widget=PrivatePhotoInput), FieldPanel("photo_description")], heading=_("Photo")
        ),
        FieldPanel("language"),
    ]

    class Meta:
        verbose_name = _("early warning")
        verbose_name_plural = _("early warnings")
        ordering = ["-sampled_on", "-pk"]
        permissions = [("publish_alert", _("Can publish and reject early warnings"))]

    def __str__(self) -> str:
        return f"{self.sold_as} ({self.country.code}, {self.sampled_on})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Every way of saving (the admin, services) keeps the folded copy in step; the findings are
        # read from memory when a form or a service has just set them.
        self.search_text = fold_text(" ".join([self.sold_as, *(finding.substance for finding in self.findings.all())]))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "sold_as" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("alerts:detail", kwargs={"alert_id": self.pk})

    @property
    def is_published(self) -> bool:
        return self.status == AlertStatus.PUBLISHED

    @property
    def found(self) -> str:
        """The findings in one line, e.g. 'PMMA (40 mg), caffeine'."""
        return ", ".join(str(finding) for finding in self.findings.all())

    @property
    def published_or_created_at(self) -> datetime:
        return self.published_at or self.created_at


class Finding(Orderable):
    """One substance the service found in the sample: the expected one, an adulterant, or a replacement."""

    alert = ParentalKey(Alert, on_delete=models.CASCADE, related_name="findings")
    substance = models.CharField(
        max_length=100, validators=[reject_forbidden_characters], help_text=_("E.g. 'PMMA', 'nitazene', 'MDMA'.")
    )
    amount = models.CharField(
        max_length=100,
        blank=True,
        validators=[reject_forbidden_characters],
        help_text=_("Optional: how much, e.g. '180 mg MDMA per pill' or 'traces'."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return f"{self.substance} ({self.amount})" if self.amount else self.substance


class SubscriptionStatus(models.TextChoices):
    PENDING_CONFIRMATION = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")


class AlertSubscription(models.Model):
    """An e-mail address that gets the published alerts of some countries (or of every one), after confirming.

    Nothing else is kept about the subscriber; unsubscribing deletes the row.
    """

    email = models.EmailField(max_length=254, unique=True, help_text=_("Normalised; one subscription per address."))
    countries = CountryField(multiple=True, blank=True, help_text=_("Empty: every country."))
    language = models.CharField(max_length=8, choices=language_choices, help_text=_("The e-mails' language."))
    secret = models.CharField(max_length=64, help_text=_("The random part of the links e-mailed to the subscriber."))
    status = models.CharField(
        max_length=10, choices=SubscriptionStatus, default=SubscriptionStatus.PENDING_CONFIRMATION, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("early-warning subscription")
        verbose_name_plural = _("early-warning subscriptions")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.email

    @property
    def is_for_every_country(self) -> bool:
        return not self.countries


class AlertDelivery(models.Model):
    """That an alert was e-mailed to a subscription: each subscriber gets each alert once."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(AlertSubscription, on_delete=models.CASCADE, related_name="deliveries")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alert", "subscription"], name="alerts_one_delivery_each")]

    def __str__(self) -> str:
        return f"{self.alert_id} → {self.subscription_id}"
