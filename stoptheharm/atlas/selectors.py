"""Reads of the atlas shaped for the map, the country pages, the API and the downloads."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from stoptheharm.atlas.models import (
    DecriminalisationModel,
    Indicator,
    IndicatorKind,
    IndicatorValue,
    Jurisdiction,
    LegalBasis,
)
from stoptheharm.core.regions import is_in_region

MODELS_LAYER = "models"
EN_DASH = "\u2013"  # between years and in ranges
# Classes of the model layer, from the strongest: a country takes the first that applies.
DE_JURE, DE_FACTO, SUBNATIONAL, ENDED = "atlas-de-jure", "atlas-de-facto", "atlas-subnational", "atlas-ended"
YES, NO = "atlas-yes", "atlas-no"
# Bins of counts and numbers, by order of magnitude: (class, lowest value of the bin).
NUMBER_BINS = (("atlas-bin-1", Decimal(0)), ("atlas-bin-2", Decimal(10)), ("atlas-bin-3", Decimal(100)),
               ("atlas-bin-4", Decimal(1000)))  # fmt: skip


@dataclass(frozen=True)
class LegendEntry:
    css_class: str
    label: str
    count: int


@dataclass(frozen=True)
class LayerEntry:
    """One jurisdiction on a layer: its class on the map and the words for it (map title, table)."""

    jurisdiction: Jurisdiction
    css_class: str
    label: str


@dataclass(frozen=True)
class MapLayer:
    key: str
    title: str
    year: int
    edition: str = ""
    entries: list[LayerEntry] = field(default_factory=list)
    legend: list[LegendEntry] = field(default_factory=list)


@dataclass(frozen=True)
class LayerOption:
    key: str
    title: str
    editions: tuple[str, ...] = ()


def atlas_models() -> QuerySet[DecriminalisationModel]:
    """Every model with its jurisdiction and sources, for lists, the API and downloads."""
    return DecriminalisationModel.objects.select_related("jurisdiction").prefetch_related("sources")


def indicator_values() -> QuerySet[IndicatorValue]:
    return IndicatorValue.objects.select_related("indicator", "jurisdiction").prefetch_related("sources")


def layer_options() -> list[LayerOption]:
    """The map's layers: the models, then each indicator with the editions that hold values for it."""
    editions = defaultdict(list)
    rows = IndicatorValue.objects.order_by("edition_year", "edition").values_list("indicator_id", "edition").distinct()
    for indicator_id, edition in rows:
        editions[indicator_id].append(edition)
    options = [LayerOption(key=MODELS_LAYER, title=_("Decriminalisation models"))]
    options += [
        LayerOption(key=indicator.slug, title=indicator.translated_name, editions=tuple(editions[indicator.pk]))
        for indicator in Indicator.objects.all()
        if editions[indicator.pk]
    ]
    return options


def models_layer(*, year: int) -> MapLayer:
    """Each country's strongest model in force in `year`; a sub-national unit's appears on its own too."""
    by_country: dict[str, list[DecriminalisationModel]] = defaultdict(list)
    for model in DecriminalisationModel.objects.select_related("jurisdiction"):
        by_country[model.jurisdiction.country_code].append(model)
    entries = []
    for models in by_country.values():
        entries += _model_entries(models, year)
    entries.sort(key=lambda entry: (entry.jurisdiction.display_name, entry.jurisdiction.code))
    labels = {DE_JURE: _("De jure"), DE_FACTO: _("De facto"), SUBNATIONAL: _("In part of the country"),
              ENDED: _("Ended or reversed")}  # fmt: skip
    return MapLayer(
        key=MODELS_LAYER,
        title=_("Decriminalisation models in %(year)d") % {"year": year},
        year=year,
        entries=entries,
        legend=_legend(entries, labels),
    )


def _model_entries(models: list[DecriminalisationModel], year: int) -> list[LayerEntry]:
    national = [model for model in models if model.jurisdiction.is_country]
    in_force = [model for model in national if model.is_in_force_in(year)]
    units_in_force = [model for model in models if not model.jurisdiction.is_country and model.is_in_force_in(year)]
    entries = [
        LayerEntry(model.jurisdiction, SUBNATIONAL, _model_label(model)) for model in units_in_force
    ]  # markers for the units
    if in_force:
        strongest = min(in_force, key=lambda model: model.legal_basis != LegalBasis.DE_JURE)
        css_class = DE_JURE if strongest.legal_basis == LegalBasis.DE_JURE else DE_FACTO
        label = "; ".join(_model_label(model) for model in in_force)
        entries.append(LayerEntry(strongest.jurisdiction, css_class, label))
    elif units_in_force:
        country = Jurisdiction(code=units_in_force[0].jurisdiction.country_code)
        names = ", ".join(model.jurisdiction.name for model in units_in_force)
        entries.append(LayerEntry(country, SUBNATIONAL, _("In part of the country: %(units)s") % {"units": names}))
    else:
        ended = [model for model in national if model.year_ended and model.year_ended < year]
        if ended:
            label = "; ".join(_model_label(model) for model in ended)
            entries.append(LayerEntry(ended[0].jurisdiction, ENDED, label))
    return entries


def _model_label(model: DecriminalisationModel) -> str:
    if model.year_ended:
        years = f"{model.year_adopted}{EN_DASH}{model.year_ended}"
    else:
        years = _("since %(year)s") % {"year": model.year_adopted}
    basis = model.get_legal_basis_display()
    if model.jurisdiction.is_country:
        return f"{basis}, {years}"
    return f"{model.jurisdiction.name}: {basis}, {years}"


def indicator_layer(*, indicator: Indicator, year: int, edition: str = "") -> MapLayer:
    """One indicator in one edition: the one asked for, else the latest up to `year`, else the first."""
    editions = list(
        IndicatorValue.objects.filter(indicator=indicator)
        .order_by("edition_year", "edition")
        .values_list("edition", "edition_year")
        .distinct()
    )
    if edition not in {name for name, _year in editions}:
        up_to_year = [name for name, edition_year in editions if edition_year <= year]
        edition = up_to_year[-1] if up_to_year else (editions[0][0] if editions else "")
    values = IndicatorValue.objects.filter(indicator=indicator, edition=edition).select_related(
        "jurisdiction", "indicator"
    )
    entries = sorted(
        (LayerEntry(value.jurisdiction, _value_class(value), value.display_value) for value in values),
        key=lambda entry: (entry.jurisdiction.display_name, entry.jurisdiction.code),
    )
    return MapLayer(
        key=indicator.slug,
        title=_("%(indicator)s (%(edition)s)") % {"indicator": indicator.translated_name, "edition": edition},
        year=year,
        edition=edition,
        entries=entries,
        legend=_legend(entries, _value_labels(indicator)),
    )


def _value_class(value: IndicatorValue) -> str:
    if value.value_boolean is not None:
        return YES if value.value_boolean else NO
    number = value.value_number or Decimal(0)
    return [css_class for css_class, lowest in NUMBER_BINS if number >= lowest][-1]


def _value_labels(indicator: Indicator) -> dict[str, str]:
    if indicator.kind == IndicatorKind.BOOLEAN:
        return {YES: _("Yes"), NO: _("No")}
    return {
        "atlas-bin-1": f"0{EN_DASH}9",
        "atlas-bin-2": f"10{EN_DASH}99",
        "atlas-bin-3": f"100{EN_DASH}999",
        "atlas-bin-4": _("1,000 or more"),
    }


def _legend(entries: Iterable[LayerEntry], labels: dict[str, str]) -> list[LegendEntry]:
    counted = defaultdict(int)
    for entry in entries:
        if entry.jurisdiction.is_country:
            counted[entry.css_class] += 1
    return [LegendEntry(css_class, str(label), counted[css_class]) for css_class, label in labels.items()]


def countries_with_data(*, region: str = "") -> list[Jurisdiction]:
    """Countries the atlas holds something about (a model or a value, of the country or of a unit under it)."""
    codes = {code[:2] for code in Jurisdiction.objects.values_list("code", flat=True)}
    if region:
        codes = {code for code in codes if is_in_region(code, region)}
    known = {jurisdiction.code: jurisdiction for jurisdiction in Jurisdiction.objects.filter(code__in=codes)}
    countries = [known.get(code) or Jurisdiction(code=code) for code in codes]
    return sorted(countries, key=lambda country: country.display_name)


@dataclass(frozen=True)
class IndicatorHistory:
    indicator: Indicator
    values: list[IndicatorValue]


@dataclass(frozen=True)
class CountryAtlas:
    country: Jurisdiction
    models: list[DecriminalisationModel]
    indicators: list[IndicatorHistory]
    units: list[Jurisdiction]


def country_atlas(country_code: str) -> CountryAtlas | None:
    """What the atlas holds about a country and the units under it; None when it holds nothing."""
    jurisdictions = list(Jurisdiction.objects.filter(code__startswith=country_code).order_by("code"))
    jurisdictions = [jurisdiction for jurisdiction in jurisdictions if jurisdiction.country_code == country_code]
    if not jurisdictions:
        return None
    models = list(atlas_models().filter(jurisdiction__in=jurisdictions).order_by("year_adopted", "key"))
    values = indicator_values().filter(jurisdiction__in=jurisdictions).order_by("edition_year", "edition")
    by_indicator: dict[int, list[IndicatorValue]] = defaultdict(list)
    indicators = {}
    for value in values:
        by_indicator[value.indicator_id].append(value)
        indicators[value.indicator_id] = value.indicator
    histories = [
        IndicatorHistory(indicator, by_indicator[indicator.pk])
        for indicator in sorted(indicators.values(), key=lambda indicator: (indicator.sort_order, indicator.slug))
    ]
    country = next((j for j in jurisdictions if j.is_country), Jurisdiction(code=country_code))
    return CountryAtlas(
        country=country,
        models=models,
        indicators=histories,
        units=[jurisdiction for jurisdiction in jurisdictions if not jurisdiction.is_country],
    )


def models_for_api(*, year: int | None = None, region: str = "", country: str = "") -> list[DecriminalisationModel]:
    models = atlas_models().order_by("jurisdiction__code", "year_adopted", "key")
    if country:
        models = models.filter(jurisdiction__code__startswith=country)
    result = [model for model in models if not country or model.jurisdiction.country_code == country]
    if region:
        result = [model for model in result if is_in_region(model.jurisdiction.country_code, region)]
    if year is not None:
        result = [model for model in result if model.is_in_force_in(year)]
    return result


def values_for_api(
    *, indicator: str = "", edition: str = "", year: int | None = None, region: str = "", country: str = ""
) -> list[IndicatorValue]:
    values = indicator_values().order_by("indicator__sort_order", "jurisdiction__code", "edition_year", "edition")
    if indicator:
        values = values.filter(indicator__slug=indicator)
    if edition:
        values = values.filter(edition=edition)
    if year is not None:
        values = values.filter(edition_year=year)
    if country:
        values = values.filter(jurisdiction__code__startswith=country)
    result = list(values)
    if country:
        result = [value for value in result if value.jurisdiction.country_code == country]
    if region:
        result = [value for value in result if is_in_region(value.jurisdiction.country_code, region)]
    return result
