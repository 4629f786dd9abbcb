"""The atlas: decriminalisation models and harm-reduction indicators by jurisdiction, each with its sources.

Countries are not stored with their names: a `Jurisdiction` is an ISO 3166-1 alpha-2 code, whose name
django-countries gives in the interface's language, or a sub-national unit (`AU-ACT`, `US-OR`) under
one, named in the data. Indicators are rows, not columns: a new one is added as data.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import RevisionMixin

FIRST_YEAR = 1900
JURISDICTION_CODE = RegexValidator(
    r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$",
    _("Enter an ISO 3166-1 alpha-2 code (PT), or an ISO 3166-2 code for a sub-national unit (AU-ACT)."),
)


def year_validators() -> list:
    return [MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]


class Confidence(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class LegalBasis(models.TextChoices):
    DE_JURE = "de_jure", _("De jure (in law)")
    DE_FACTO = "de_facto", _("De facto (in practice)")


class Replacement(models.TextChoices):
    """What takes the place of a criminal penalty for possession for personal use."""

    NONE = "none", _("No sanction")
    ADMINISTRATIVE_SANCTION = "administrative_sanction", _("Administrative sanction")
    FINE = "fine", _("Fine")
    DISSUASION_COMMISSION = "dissuasion_commission", _("Dissuasion commission")
    REFERRAL = "referral", _("Referral to health or social services")


class IndicatorKind(models.TextChoices):
    BOOLEAN = "boolean", _("Yes or no")
    COUNT = "count", _("Count")
    NUMBER = "number", _("Number")


class Jurisdiction(models.Model):
    """A country (code `PT`) or a sub-national unit under one (code `AU-ACT`, ISO 3166-2 where it exists)."""

    code = models.CharField(
        max_length=10,
        unique=True,
        validators=[JURISDICTION_CODE],
        help_text=_("PT for a country; AU-ACT or US-OR (ISO 3166-2) for a state, province or territory."),
    )
    name = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("For a sub-national unit only; a country's name comes in every language from its code."),
    )

    class Meta:
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def country_code(self) -> str:
        return self.code[:2]

    @property
    def is_country(self) -> bool:
        return len(self.code) == 2

    @property
    def country_name(self) -> str:
        return str(countries.name(self.country_code)) or self.country_code

    @property
    def display_name(self) -> str:
        """The country's name in the active language, or "Oregon (United States)"."""
        if self.is_country:
            return self.country_name
        return gettext("%(unit)s (%(country)s)") % {"unit": self.name or self.code, "country": self.country_name}

    def clean(self) -> None:
        if self.code and self.country_code not in dict(countries):
            raise ValidationError({"code": _("%(code)s is not an ISO 3166-1 country code.") % {"code": self.code[:2]}})
        if self.code and not self.is_country and not self.name:
            raise ValidationError({"name": _("A sub-national unit needs a name.")})


class Source(RevisionMixin, models.Model):
    """A document an entry rests on; one row per address, cited by as many entries as rely on it."""

    url = models.URLField(max_length=500, unique=True, verbose_name=_("URL"), help_text=_("Where it can be read."))
    title = models.CharField(max_length=300, blank=True, help_text=_("The document's title, when known."))
    publisher = models.CharField(
        max_length=200, blank=True, help_text=_("Who published it, e.g. 'Harm Reduction International'.")
    )
    accessed = models.DateField(null=True, blank=True, help_text=_("The day the document was read."))

    panels = [FieldPanel("url"), FieldPanel("title"), FieldPanel("publisher"), FieldPanel("accessed")]

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["publisher", "title", "url"]

    def __str__(self) -> str:
        return self.title or self.url


class DecriminalisationModel(RevisionMixin, ClusterableModel):
    """One model of decriminalisation or depenalisation of possession for personal use in one jurisdiction."""

    key = models.CharField(
        max_length=20, unique=True, help_text=_("Stable identifier, the `id` column of the import file, e.g. D001.")
    )
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="models")
    year_adopted = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=year_validators(), help_text=_("The year it took effect; empty if unknown.")
    )
    year_ended = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=year_validators(), help_text=_("The year it ended, if it was reversed.")
    )
    legal_basis = models.CharField(max_length=10, choices=LegalBasis, verbose_name=_("de jure or de facto"))
    mechanism = models.CharField(
        max_length=200, blank=True, help_text=_("Statute, court ruling, prosecution guideline, exemption…")
    )
    substances = models.TextField(blank=True, help_text=_("The substances covered."))
    thresholds = models.TextField(blank=True, help_text=_("Threshold quantities, as the sources state them."))
    threshold_status = models.CharField(
        max_length=300, blank=True, help_text=_("Binding, indicative, guideline, judicial discretion…")
    )
    replaced_by = models.JSONField(
        default=list,
        blank=True,
        verbose_name=_("replaces criminal penalties with"),
        help_text=_("One or more of: no sanction, administrative sanction, fine, dissuasion commission, referral."),
    )
    replacement_details = models.TextField(blank=True, help_text=_("What happens instead, in detail."))
    legal_instrument = models.TextField(blank=True, help_text=_("The law, decree or ruling, with its date."))
    implementation_notes = models.TextField(blank=True, help_text=_("How it is applied; its current status."))
    reported_impact = models.TextField(blank=True, help_text=_("Reported effects, with figures where sourced."))
    confidence = models.CharField(max_length=10, choices=Confidence, default=Confidence.MEDIUM)
    sources = ParentalManyToManyField(Source, related_name="models", help_text=_("At least one."))
    notes = models.TextField(blank=True, help_text=_("Caveats: depenalisation rather than decriminalisation, …"))

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("jurisdiction")]),
        FieldRowPanel([FieldPanel("year_adopted"), FieldPanel("year_ended")]),
        FieldRowPanel([FieldPanel("legal_basis"), FieldPanel("mechanism")]),
        FieldPanel("substances"),
        MultiFieldPanel([FieldPanel("thresholds"), FieldPanel("threshold_status")], heading=_("Thresholds")),
        MultiFieldPanel(
            [FieldPanel("replaced_by"), FieldPanel("replacement_details")], heading=_("Instead of a criminal penalty")
        ),
        FieldPanel("legal_instrument"),
        FieldPanel("implementation_notes"),
        FieldPanel("reported_impact"),
        FieldPanel("confidence"),
        FieldPanel("sources"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("decriminalisation model")
        verbose_name_plural = _("decriminalisation models")
        ordering = ["jurisdiction__code", "year_adopted", "key"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year_ended__isnull=True)
                | Q(year_adopted__isnull=True)
                | Q(year_ended__gte=F("year_adopted")),
                name="atlas_model_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.jurisdiction.code} {self.year_adopted or '?'}"

    def clean(self) -> None:
        if self.year_adopted and self.year_ended and self.year_ended < self.year_adopted:
            raise ValidationError({"year_ended": _("A model cannot end before the year it was adopted.")})
        unknown = [value for value in self.replaced_by or [] if value not in Replacement.values]
        if not isinstance(self.replaced_by, list) or unknown:
            raise ValidationError(
                {"replaced_by": _("Choose among: %(choices)s.") % {"choices": ", ".join(Replacement.values)}}
            )

    def is_in_force_in(self, year: int) -> bool:
        """In force at some time in `year`: a model adopted or ended that year counts."""
        if self.year_adopted is None or self.year_adopted > year:
            return False
        return self.year_ended is None or self.year_ended >= year

    @property
    def replaced_by_labels(self) -> list[str]:
        return [str(Replacement(value).label) for value in self.replaced_by if value in Replacement.values]


class Indicator(RevisionMixin, models.Model):
    """What is measured country by country, e.g. needle and syringe programmes; a row, so new ones are data."""

    slug = models.SlugField(max_length=50, unique=True, help_text=_("Its name in files and addresses, e.g. nsp."))
    name = models.CharField(max_length=150, help_text=_("E.g. 'Needle and syringe programmes'."))
    kind = models.CharField(max_length=10, choices=IndicatorKind)
    unit = models.CharField(max_length=50, blank=True, help_text=_("For counts and numbers, e.g. 'sites'."))
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=100, help_text=_("Lower comes first in lists."))

    panels = [
        FieldRowPanel([FieldPanel("slug"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("unit")]),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def translated_name(self) -> str:
        """The demo indicators' names are in the catalogues (atlas/demo.py); others show as entered."""
        return gettext(self.name)


class IndicatorValue(RevisionMixin, ClusterableModel):
    """One indicator for one jurisdiction in one edition of a report: yes/no, or a number."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="indicator_values")
    edition = models.CharField(max_length=100, help_text=_("The report and its edition, e.g. 'GSHR 2020'."))
    edition_year = models.PositiveSmallIntegerField(validators=year_validators())
    value_boolean = models.BooleanField(null=True, blank=True, verbose_name=_("yes or no"))
    value_number = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True, verbose_name=_("number"))
    confidence = models.CharField(max_length=10, choices=Confidence, default=Confidence.MEDIUM)
    sources = ParentalManyToManyField(Source, related_name="indicator_values", help_text=_("At least one."))
    notes = models.TextField(blank=True)

    wagtail_reference_index_ignore = True  # hundreds of rows an import writes; their sources are listed on them

    panels = [
        FieldRowPanel([FieldPanel("indicator"), FieldPanel("jurisdiction")]),
        FieldRowPanel([FieldPanel("edition"), FieldPanel("edition_year")]),
        FieldRowPanel([FieldPanel("value_boolean"), FieldPanel("value_number")]),
        FieldPanel("confidence"),
        FieldPanel("sources"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator__sort_order", "jurisdiction__code", "edition_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "jurisdiction", "edition"], name="atlas_one_value_per_edition"
            ),
            models.CheckConstraint(
                condition=Q(value_boolean__isnull=True) | Q(value_number__isnull=True),
                name="atlas_value_is_one_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.slug} {self.jurisdiction.code} {self.edition}: {self.display_value}"

    def clean(self) -> None:
        if not hasattr(self, "indicator"):
            return
        if self.indicator.kind == IndicatorKind.BOOLEAN:
            if self.value_boolean is None or self.value_number is not None:
                raise ValidationError({"value_boolean": _("This indicator takes yes or no.")})
        elif self.value_number is None or self.value_boolean is not None:
            raise ValidationError({"value_number": _("This indicator takes a number.")})
        elif self.indicator.kind == IndicatorKind.COUNT and (
            self.value_number < 0 or self.value_number != self.value_number.to_integral_value()
        ):
            raise ValidationError({"value_number": _("A count is a whole number, 0 or more.")})

    @property
    def value(self) -> bool | Decimal | None:
        return self.value_boolean if self.value_boolean is not None else self.value_number

    @property
    def display_value(self) -> str:
        if self.value_boolean is not None:
            return gettext("yes") if self.value_boolean else gettext("no")
        if self.value_number is None:
            return ""
        number = self.value_number.normalize()
        text = f"{number:f}"
        return f"{text} {self.indicator.unit}".strip()
