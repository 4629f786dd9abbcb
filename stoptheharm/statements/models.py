from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from stoptheharm.core.originals import DefaultLanguageOriginal
from stoptheharm.core.text import reject_forbidden_characters
from stoptheharm.organisations.models import OrganisationKind
from stoptheharm.statements.blocks import ReferencesBlock, StatementBodyBlock


class Signers(models.TextChoices):
    ORGANISATIONS = "organisations", _("Organisations only")
    ORGANISATIONS_AND_INDIVIDUALS = (
        "organisations_and_individuals",
        _("Organisations, and individuals in a separate list"),
    )


class StatementPage(DefaultLanguageOriginal, Page):
    """A joint statement that organisations (and, if the editors allow it, individuals) sign on to."""

    introduction = models.TextField(
        max_length=600, help_text=_("One or two sentences: what the statement asks, of whom, and why now.")
    )
    body = StreamField(StatementBodyBlock(), help_text=_("The statement in full."))
    references = StreamField(
        ReferencesBlock(),
        blank=True,
        help_text=_("Numbered in this order: [1] in the text cites the first, [2] the second ..."),
    )
    event_name = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("The occasion, if any, e.g. '26th International Harm Reduction Conference, Porto'."),
    )
    event_date = models.DateField(null=True, blank=True, help_text=_("The date the statement is tied to, if any."))
    opens_at = models.DateTimeField(null=True, blank=True, help_text=_("Leave empty to open on publication."))
    closes_at = models.DateTimeField(null=True, blank=True, help_text=_("Leave empty for no closing date."))
    signers = models.CharField(
        max_length=32,
        choices=Signers,
        default=Signers.ORGANISATIONS,
        verbose_name=_("who may sign"),
        help_text=_("Individuals, when allowed, are listed apart from the organisations."),
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        help_text=_("The campaign this statement serves; it is listed on the campaign's page."),
    )
    importance = models.PositiveSmallIntegerField(
        default=0, help_text=_("Higher comes first on the Take Action page; among equals, the one closing soonest.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("references"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("event_name"), FieldPanel("event_date")])], heading=_("Context")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]), FieldPanel("signers")],
            heading=_("Sign-on"),
        ),
        MultiFieldPanel([FieldPanel("campaign"), FieldPanel("importance")], heading=_("Campaign")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["pages.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("statement")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True) | Q(opens_at__isnull=True) | Q(closes_at__gt=F("opens_at")),
                name="statement_closes_after_it_opens",
            )
        ]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.statements.forms import endorsement_forms  # these modules import the models
        from stoptheharm.statements.selectors import statement_page_context

        context = super().get_context(request, *args, **kwargs)
        forms = endorsement_forms(
            self, endorsement_form=kwargs.get("endorsement_form"), individual_form=kwargs.get("individual_form")
        )
        return {**context, **statement_page_context(self, request.GET), **forms}

    def clean(self) -> None:
        from stoptheharm.statements.references import unknown_reference_markers  # it reads this model's blocks

        super().clean()
        unknown = unknown_reference_markers(self)
        if unknown:
            markers = ", ".join(f"[{number}]" for number in unknown)
            raise ValidationError(
                {
                    "body": _("The text cites %(markers)s, which the list of references does not have.")
                    % {"markers": markers}
                }
            )

    @property
    def accepts_individuals(self) -> bool:
        return self.signers == Signers.ORGANISATIONS_AND_INDIVIDUALS

    def is_open_for_signing_at(self, moment: datetime) -> bool:
        if self.opens_at and moment < self.opens_at:
            return False
        return not (self.closes_at and moment >= self.closes_at)

    @property
    def is_open_for_signing(self) -> bool:
        return self.is_open_for_signing_at(timezone.now())


class EndorsementStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the contact's e-mail confirmation")
    AWAITING_MODERATION = "awaiting_moderation", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


# An organisation appears at most once on a statement among these (the database enforces it).
ACTIVE_STATES = (EndorsementStatus.PENDING, EndorsementStatus.AWAITING_MODERATION, EndorsementStatus.APPROVED)
DECIDED_STATES = (EndorsementStatus.APPROVED, EndorsementStatus.REJECTED)


class EndorsementQuerySet(models.QuerySet["Endorsement"]):
    def approved(self) -> "EndorsementQuerySet":
        return self.filter(status=EndorsementStatus.APPROVED)


class Endorsement(models.Model):
    """An organisation's signature on a statement, given by a contact person who may sign for it.

    The organisation is one of the directory's, or, until a moderator approves it, a proposed new one
    described by the `proposed_*` fields. The contact's name and address are private: never shown on
    the site, in the API or in the public CSV and PDF.
    """

    statement = models.ForeignKey(StatementPage, on_delete=models.CASCADE, related_name="endorsements")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="endorsements",
        help_text=_("Empty while a proposed new organisation waits for moderation."),
    )
    proposed_name = models.CharField(
        max_length=255,
        blank=True,
        validators=[reject_forbidden_characters],
        help_text=_("A new organisation's full name."),
    )
    proposed_country = CountryField(blank=True, help_text=_("Where the new organisation is based."))
    proposed_website = models.URLField(blank=True, help_text=_("The new organisation's website."))
    proposed_kind = models.CharField(max_length=20, choices=OrganisationKind, blank=True)
    contact_name = models.CharField(
        max_length=100,
        blank=True,
        validators=[reject_forbidden_characters],
        help_text=_("Private: the person who signed for the organisation; empty when staff added it from a list."),
    )
    contact_email = models.EmailField(
        max_length=254, blank=True, help_text=_("Private. Normalised: trimmed, NFKC, lower-case.")
    )
    language = models.CharField(
        max_length=8, blank=True, help_text=_("The language the contact used; e-mails follow it.")
    )
    consents = models.JSONField(
        default=dict, blank=True, help_text=_("The exact wording and version of each statement the contact agreed to.")
    )
    status = models.CharField(max_length=20, choices=EndorsementStatus, default=EndorsementStatus.PENDING)
    secret = models.CharField(
        max_length=64, blank=True, help_text=_("Private: the random part of the e-mailed confirmation link.")
    )
    rejection_reason = models.TextField(
        max_length=1000, blank=True, help_text=_("Why a moderator rejected it; kept for the coalition's staff.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True, help_text=_("When the contact confirmed by e-mail."))
    moderated_at = models.DateTimeField(null=True, blank=True, help_text=_("When it was approved or rejected."))

    objects = EndorsementQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "organisation"],
                condition=Q(status__in=ACTIVE_STATES),
                name="one_endorsement_per_organisation",
                violation_error_message=_("This organisation has already signed this statement or is waiting to."),
            ),
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | (~Q(proposed_name="") & ~Q(proposed_kind="")),
                name="endorsement_names_an_organisation",
                violation_error_message=_(
                    "Choose an organisation from the directory, or give a new one's name and kind."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status=EndorsementStatus.APPROVED) | Q(organisation__isnull=False),
                name="approved_endorsement_has_an_organisation",
            ),
            models.CheckConstraint(
                condition=~Q(status=EndorsementStatus.REJECTED) | ~Q(rejection_reason=""),
                name="rejected_endorsement_has_a_reason",
            ),
        ]
        permissions = [
            ("moderate_endorsements", _("Can approve and reject endorsements")),
            ("export_endorsements", _("Can export endorsements with their contacts' names and addresses")),
        ]
        indexes = [models.Index(fields=["statement", "status"], name="endorsement_listing")]

    def __str__(self) -> str:
        return f"{self.organisation_name} ({self.get_status_display()})"

    @property
    def organisation_name(self) -> str:
        return self.organisation.name if self.organisation_id else self.proposed_name

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED_STATES


class IndividualEndorsement(models.Model):
    """A person's own signature, on statements that accept individuals; listed apart from organisations."""

    statement = models.ForeignKey(StatementPage, on_delete=models.CASCADE, related_name="individual_endorsements")
    name = models.CharField(max_length=100, validators=[reject_forbidden_characters])
    country = CountryField()
    affiliation = models.CharField(
        max_length=255,
        blank=True,
        validators=[reject_forbidden_characters],
        help_text=_("Shown after the name, e.g. 'outreach worker, Lisbon'."),
    )
    email = models.EmailField(max_length=254, help_text=_("Private. Normalised: trimmed, NFKC, lower-case."))
    language = models.CharField(max_length=8, help_text=_("The language the signer used; e-mails follow it."))
    consents = models.JSONField(help_text=_("The exact wording and version of each statement the signer agreed to."))
    status = models.CharField(max_length=20, choices=EndorsementStatus, default=EndorsementStatus.PENDING)
    secret = models.CharField(
        max_length=64, blank=True, help_text=_("Private: the random part of the e-mailed confirmation link.")
    )
    rejection_reason = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)

    objects = EndorsementQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("individual endorsement")
        verbose_name_plural = _("individual endorsements")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "email"],
                condition=Q(status__in=ACTIVE_STATES),
                name="one_individual_endorsement_per_address",
            ),
            models.CheckConstraint(
                condition=~Q(status=EndorsementStatus.REJECTED) | ~Q(rejection_reason=""),
                name="rejected_individual_endorsement_has_a_reason",
            ),
        ]
        indexes = [models.Index(fields=["statement", "status"], name="individual_endorsement_listing")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED_STATES
