from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from stoptheharm.atlas.models import (
    DecriminalisationModel,
    Indicator,
    IndicatorValue,
    Jurisdiction,
    Replacement,
    Source,
)
from stoptheharm.atlas.services import IMPORT_LOG_ACTION


class DecriminalisationModelForm(WagtailAdminModelForm):
    """Tick boxes for what replaces the criminal penalty, stored as a list of keys."""

    replaced_by = forms.MultipleChoiceField(
        choices=Replacement.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Replaces criminal penalties with"),
    )


DecriminalisationModel.base_form_class = DecriminalisationModelForm


class DecriminalisationModelViewSet(SnippetViewSet):
    model = DecriminalisationModel
    icon = "doc-full"
    menu_label = _("Decriminalisation models")
    list_display = ["key", "jurisdiction", "year_adopted", "year_ended", "legal_basis", "confidence"]
    list_filter = ["legal_basis", "confidence"]
    search_fields = ["key", "mechanism", "legal_instrument", "notes"]


class IndicatorValueViewSet(SnippetViewSet):
    model = IndicatorValue
    icon = "table"
    menu_label = _("Indicator values")
    list_display = ["indicator", "jurisdiction", "edition", "display_value", "confidence"]
    list_filter = ["indicator", "edition_year", "confidence"]
    search_fields = ["edition", "notes"]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "list-ul"
    list_display = ["name", "slug", "kind", "unit", "sort_order"]


class SourceViewSet(SnippetViewSet):
    model = Source
    icon = "link"
    list_display = ["title", "publisher", "url", "accessed"]
    search_fields = ["title", "publisher", "url"]


class JurisdictionViewSet(SnippetViewSet):
    model = Jurisdiction
    icon = "site"
    list_display = ["code", "display_name"]
    search_fields = ["code", "name"]


class AtlasViewSetGroup(SnippetViewSetGroup):
    """The atlas's data in the admin; every edit of a model, value, indicator or source is a revision."""

    items = (DecriminalisationModelViewSet, IndicatorValueViewSet, IndicatorViewSet, SourceViewSet, JurisdictionViewSet)
    menu_icon = "globe"
    menu_label = _("Atlas")
    menu_name = "atlas"
    menu_order = 250


register_snippet(AtlasViewSetGroup)


@hooks.register("register_log_actions")
def register_import_log_action(actions: Any) -> None:
    actions.register_action(IMPORT_LOG_ACTION, _("Import"), _("Imported from an atlas CSV file"))
