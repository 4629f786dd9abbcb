from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from stoptheharm.core.permissions import ReadOnlyPolicy
from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.profile_sections import PROFILE_SECTIONS_HOOK, ProfileSection
from stoptheharm.statements import views
from stoptheharm.statements.models import Endorsement, EndorsementStatus, IndividualEndorsement, StatementPage
from stoptheharm.statements.selectors import duplicates_summary, statements_signed_by
from stoptheharm.statements.services import APPROVE_LOG_ACTION, EXPORT_LOG_ACTION, MERGE_LOG_ACTION, REJECT_LOG_ACTION


class EndorsementIndexView(IndexView):
    """The list, with approval and rejection for staff who may moderate."""

    kind = "organisation"

    def get_list_more_buttons(self, instance: Any) -> list[Any]:
        buttons = super().get_list_more_buttons(instance)
        if not self.request.user.has_perm("statements.moderate_endorsements"):
            return buttons
        if instance.status not in {EndorsementStatus.APPROVED, EndorsementStatus.REJECTED}:
            url = reverse("statements_approve", args=[self.kind, instance.pk])
            buttons.append(MenuItem(_("Approve"), url=url, icon_name="tick", priority=40))
        if instance.status != EndorsementStatus.REJECTED:
            url = reverse("statements_reject", args=[self.kind, instance.pk])
            buttons.append(MenuItem(_("Reject"), url=url, icon_name="cross", priority=50))
        if self.kind == "organisation" and not instance.is_decided:
            url = reverse("statements_merge", args=[instance.pk])
            buttons.append(MenuItem(_("Merge with a directory organisation"), url=url, icon_name="link", priority=60))
        return buttons


class IndividualEndorsementIndexView(EndorsementIndexView):
    kind = "individual"


class EndorsementViewSet(ModelViewSet):
    """Organisations' endorsements: filterable, read-only; decisions go through the services."""

    model = Endorsement
    index_view_class = EndorsementIndexView
    icon = "group"
    menu_label = _("Organisations")
    list_display = [
        "organisation_name",
        "statement",
        "status",
        Column("duplicates", label=_("Possible duplicates (why, score)"), accessor=duplicates_summary),
        "created_at",
    ]
    list_filter = ["status", "statement"]
    search_fields = ["proposed_name", "organisation__name", "contact_name"]
    inspect_view_enabled = True
    inspect_view_fields = ["statement", "organisation", "proposed_name", "proposed_country", "proposed_website",
                           "proposed_kind", "contact_name", "contact_email", "language", "consents", "status",
                           "rejection_reason", "created_at", "confirmed_at", "moderated_at"]  # fmt: skip
    copy_view_enabled = False
    form_fields = ["status"]  # ModelViewSet requires a form; ReadOnlyPolicy lets no one use it


class IndividualEndorsementViewSet(ModelViewSet):
    """Individuals' signatures on statements that accept them; read-only like organisations'."""

    model = IndividualEndorsement
    index_view_class = IndividualEndorsementIndexView
    icon = "user"
    menu_label = _("Individuals")
    list_display = ["name", "statement", "country", "status", "created_at"]
    list_filter = ["status", "statement"]
    search_fields = ["name", "affiliation"]
    inspect_view_enabled = True
    inspect_view_fields = ["statement", "name", "country", "affiliation", "email", "language", "consents", "status",
                           "rejection_reason", "created_at", "confirmed_at", "moderated_at"]  # fmt: skip
    copy_view_enabled = False
    form_fields = ["status"]


class EndorsementViewSetGroup(ModelViewSetGroup):
    items = (EndorsementViewSet("endorsements"), IndividualEndorsementViewSet("individual_endorsements"))
    menu_label = _("Endorsements")
    menu_icon = "group"
    menu_order = 260


register_permission_policy(Endorsement, ReadOnlyPolicy(Endorsement))
register_permission_policy(IndividualEndorsement, ReadOnlyPolicy(IndividualEndorsement))


@hooks.register("register_admin_viewset")
def register_endorsement_viewsets() -> EndorsementViewSetGroup:
    return EndorsementViewSetGroup()


@hooks.register("register_admin_urls")
def register_moderation_urls() -> list[Any]:
    return [
        path(
            "statements/<slug:kind>/<id:endorsement_id>/approve/", views.approve_endorsement, name="statements_approve"
        ),
        path("statements/<slug:kind>/<id:endorsement_id>/reject/", views.reject_endorsement, name="statements_reject"),
        path("statements/organisation/<id:endorsement_id>/merge/", views.merge_endorsement, name="statements_merge"),
        path(
            "statements/<id:statement_id>/<slug:kind>-endorsements.csv",
            views.export_endorsements_csv,
            name="statements_export",
        ),
    ]


@hooks.register("register_page_header_buttons")
def export_buttons(page: Any, user: Any, view_name: str, next_url: str | None = None) -> Iterator[Button]:
    if isinstance(page.specific_deferred, StatementPage) and user.has_perm("statements.export_endorsements"):
        url = reverse("statements_export", kwargs={"statement_id": page.pk, "kind": "organisation"})
        yield Button(_("Export endorsements with contacts (CSV)"), url, icon_name="download", priority=90)
        if page.specific_deferred.accepts_individuals:
            url = reverse("statements_export", kwargs={"statement_id": page.pk, "kind": "individual"})
            yield Button(_("Export individual signatures with addresses (CSV)"), url, icon_name="download", priority=91)


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions: Any) -> None:
    actions.register_action(APPROVE_LOG_ACTION, _("Approve endorsement"), _("Approved an endorsement"))
    actions.register_action(REJECT_LOG_ACTION, _("Reject endorsement"), _("Rejected an endorsement"))
    actions.register_action(EXPORT_LOG_ACTION, _("Export endorsements"), _("Exported endorsements with their contacts"))
    actions.register_action(
        MERGE_LOG_ACTION, _("Merge endorsement"), _("Linked an endorsement to a directory organisation")
    )


@hooks.register(PROFILE_SECTIONS_HOOK)
def signed_statements(organisation: Organisation, request: HttpRequest) -> ProfileSection | None:
    """On an organisation's public page: the statements it signed, in the page's language."""
    statements = list(statements_signed_by(organisation_id=organisation.pk, language=get_language()))
    if not statements:
        return None
    return ProfileSection(
        title=_("Statements it signed"),
        template="statements/includes/signed_statements.html",
        context={"statements": statements},
    )
