from datetime import datetime
from typing import Any

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

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"]


class PetitionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    DELIVERED = "delivered", _("Delivered")


class ChallengeMode(models.TextChoices):
    AUTO = "auto", _("Only while the petition is under attack")
    ALWAYS = "always", _("Always")
    NEVER = "never", _("Never")


class PetitionPage(DefaultLanguageOriginal, Page):
    """A petition to one or more targets; supporters sign it through the form on the page."""

    summary = models.TextField(max_length=500, help_text=_("One or two sentences: what the petition asks, of whom."))
    body = RichTextField(features=RICH_TEXT_FEATURES, help_text=_("Why this matters, in full."))
    goal = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=_("The number of signatures aimed for. Leave empty to show milestones (100, 1,000, 10,000 …)."),
    )
    state = models.CharField(
        max_length=10,
        choices=PetitionState,
        default=PetitionState.OPEN,
        help_text=_("Only an open petition accepts signatures, and only between its opening and closing dates."),
    )
    opens_at = models.DateTimeField(null=True, blank=True, help_text=_("Leave empty to open on publication."))
    closes_at = models.DateTimeField(null=True, blank=True, help_text=_("Leave empty for no closing date."))
    delivered_on = models.DateField(null=True, blank=True, help_text=_("When the petition was handed to its targets."))
    response = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text=_("The targets' response, when there is one.")
    )
    imported_count = models.PositiveIntegerField(
        default=0, help_text=_("Signatures gathered elsewhere (on paper, another site); added to the total.")
    )
    imported_count_label = models.CharField(
        max_length=120, blank=True, help_text=_("Where the imported signatures come from, e.g. 'signed on paper'.")
    )
    challenge = models.CharField(
        max_length=6,
        choices=ChallengeMode,
        default=ChallengeMode.AUTO,
        help_text=_(
            "A short question signers answer before signing, to slow down automated submissions. By default it "
            "is asked only while many submissions to this petition are being held or caught as automated."
        ),
    )
    share_text = models.CharField(
        max_length=280, blank=True, help_text=_("The message suggested when supporters share the petition.")
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the petition is shared on social networks (1200 by 630 pixels works best)."),
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="petitions",
        help_text=_("The campaign this petition serves; it is listed on the campaign's page."),
    )
    importance = models.PositiveSmallIntegerField(
        default=0, help_text=_("Higher comes first on the Take Action page; among equals, the one closing soonest.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        InlinePanel("targets", label=_("Targets"), min_num=1),
        FieldPanel("body"),
        InlinePanel("co_sponsors", label=_("Co-sponsors")),
        MultiFieldPanel(
            [
                FieldPanel("state"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("goal"),
                FieldRowPanel([FieldPanel("imported_count"), FieldPanel("imported_count_label")]),
                FieldPanel("challenge"),
            ],
            heading=_("Signing"),
        ),
        MultiFieldPanel([FieldPanel("campaign"), FieldPanel("importance")], heading=_("Campaign")),
        MultiFieldPanel([FieldPanel("delivered_on"), FieldPanel("response")], heading=_("Delivery and response")),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("share_text"), FieldPanel("share_image")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["pages.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("petition")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True) | Q(opens_at__isnull=True) | Q(closes_at__gt=F("opens_at")),
                name="petition_closes_after_it_opens",
            )
        ]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.petitions import challenge  # these modules import the models
        from stoptheharm.petitions.forms import SignatureForm
        from stoptheharm.petitions.selectors import co_sponsors, petition_summary, public_signers, share_links

        context = super().get_context(request, *args, **kwargs)
        context["summary"] = petition_summary(self.canonical)
        context["signers"] = public_signers(self.canonical)
        context["co_sponsors"] = co_sponsors(self)
        context["share_links"] = share_links(self, request)
        context["form"] = kwargs.get("form") or SignatureForm(challenge=challenge.is_on(petition=self.canonical))
        return context

    def is_open_for_signing_at(self, moment: datetime) -> bool:
        if self.state != PetitionState.OPEN:
            return False
        if self.opens_at and moment < self.opens_at:
            return False
        return not (self.closes_at and moment >= self.closes_at)

    @property
    def is_open_for_signing(self) -> bool:
        return self.is_open_for_signing_at(timezone.now())


class PetitionTarget(Orderable):
    """Whom the petition addresses, e.g. the UN Secretary-General."""

    page = ParentalKey(PetitionPage, on_delete=models.CASCADE, related_name="targets")
    name = models.CharField(max_length=200, help_text=_("e.g. Ban Ki-moon"))
    role = models.CharField(max_length=200, blank=True, help_text=_("e.g. Secretary-General"))
    organisation = models.CharField(max_length=200, blank=True, help_text=_("e.g. United Nations"))

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")]

    def __str__(self) -> str:
        return ", ".join(part for part in (self.name, self.role, self.organisation) if part)


class PetitionCoSponsor(Orderable):
    """An organisation that co-sponsors the petition, listed on its page in the editors' order."""

    page = ParentalKey(PetitionPage, on_delete=models.CASCADE, related_name="co_sponsors")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Choose from the organisations in the directory, or add one there first."),
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "organisation"], name="one_co_sponsorship_per_page")]

    def __str__(self) -> str:
        return str(self.organisation)


class SignatureStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    HELD = "held", _("Held for review: over a limit or filled in too fast")
    WITHDRAWN = "withdrawn", _("Withdrawn by the signer")
    INVALIDATED = "invalidated", _("Invalidated as fraudulent")


ANONYMISED_EMAIL_DOMAIN = "anonymised.invalid"


class SignerEmail(models.TextChoices):
    CONFIRM = "confirm", _("Please confirm")
    ALREADY_SIGNED = "already_signed", _("You have already signed")


class SignatureQuerySet(models.QuerySet["Signature"]):
    def counted(self) -> "SignatureQuerySet":
        return self.filter(status=SignatureStatus.CONFIRMED)


class Signature(models.Model):
    """One person's signature. Personal data: kept minimal, never shown unless the signer opted in."""

    petition = models.ForeignKey(PetitionPage, on_delete=models.CASCADE, related_name="signatures")
    name = models.CharField(max_length=100)
    email = models.EmailField(max_length=254, help_text=_("Normalised: trimmed, NFKC, lower-case."))
    country = CountryField()
    language = models.CharField(max_length=8, help_text=_("The language the signer used; e-mails follow it."))
    status = models.CharField(max_length=12, choices=SignatureStatus, default=SignatureStatus.PENDING)
    is_public = models.BooleanField(default=False, help_text=_("The signer asked to be named on the public list."))
    wants_updates = models.BooleanField(default=False, help_text=_("The signer asked for news of this campaign."))
    consents = models.JSONField(help_text=_("The exact wording and version of each consent given."))
    secret = models.CharField(max_length=64, help_text=_("The random part of the links e-mailed to the signer."))
    emails_sent = models.PositiveSmallIntegerField(default=0, help_text=_("E-mails asked for; a few at most."))
    # The outbox: the e-mail waiting to be sent to this signer, written with the signature itself, so
    # signing costs one INSERT and no e-mail is lost or sent for a signature that was not stored.
    email_due = models.CharField(max_length=16, blank=True, choices=SignerEmail)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_retry_at = models.DateTimeField(null=True, blank=True)
    ip_hash = models.CharField(max_length=64, blank=True, help_text=_("Keyed hash of the address it came from."))
    network_hash = models.CharField(max_length=64, blank=True, help_text=_("Keyed hash of that address's network."))
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the name and address were erased; the signature still counts.")
    )

    objects = SignatureQuerySet.as_manager()
    wagtail_reference_index_ignore = True  # Wagtail would index every signature's link to its petition

    class Meta:
        constraints = [models.UniqueConstraint(fields=["petition", "email"], name="one_signature_per_address")]
        permissions = [
            ("export_signatures", _("Can export signatures with their e-mail addresses")),
            ("moderate_signatures", _("Can release held signatures and invalidate fraudulent ones")),
        ]
        indexes = [
            models.Index(fields=["petition", "status", "country"], name="signature_counting"),
            models.Index(fields=["petition", "created_at"], name="signature_recent"),  # trending sources
            models.Index(fields=["email_retry_at"], condition=~Q(email_due=""), name="signature_email_due"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def is_counted(self) -> bool:
        return self.status == SignatureStatus.CONFIRMED


class SignatureCount(models.Model):
    """How many confirmed signatures a petition has from one country, as of the last fold.

    The true count is this plus the petition's unfolded `SignatureCountChange` rows. Signing never
    writes here, so no row is locked by every signature of a surge (see `services.fold_signature_counts`).
    """

    petition = models.ForeignKey(PetitionPage, on_delete=models.CASCADE, related_name="+")
    country = CountryField()
    count = models.IntegerField(default=0)

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [models.UniqueConstraint(fields=["petition", "country"], name="one_count_per_country")]

    def __str__(self) -> str:
        return f"{self.country}: {self.count}"


class SignatureCountChange(models.Model):
    """A journal entry: signatures started (+) or stopped (-) counting; folded in batches."""

    petition = models.ForeignKey(PetitionPage, on_delete=models.CASCADE, related_name="+")
    country = CountryField()
    change = models.IntegerField()

    wagtail_reference_index_ignore = True

    def __str__(self) -> str:
        return f"{self.country}: {self.change:+d}"
