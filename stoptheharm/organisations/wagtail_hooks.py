from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from stoptheharm.core.permissions import ReadOnlyPolicy
from stoptheharm.organisations import views
from stoptheharm.organisations.models import Organisation, OrganisationApplication
from stoptheharm.organisations.services import APPROVE_APPLICATION_LOG_ACTION, REJECT_APPLICATION_LOG_ACTION

MODERATE_PERMISSION = "organisations.moderate_applications"


class OrganisationViewSet(SnippetViewSet):
    """The coalition's organisations in the admin; petitions choose their co-sponsors from here."""

    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    add_to_admin_menu = True
    menu_order = 240
    list_display = ["name", "short_name", "kind", "is_member", "is_verified", "updated_at"]
    list_filter = ["kind", "is_member", "is_verified"]


register_snippet(OrganisationViewSet)


class OrganisationApplicationViewSet(ModelViewSet):
    """Every application to join, to look up and inspect; decisions are taken in the moderation queue."""

    model = OrganisationApplication
    icon = "form"
    menu_label = _("Applications to join")
    add_to_admin_menu = True
    menu_order = 241
    list_display = ["name", "kind", "status", "created_at", "decided_at"]
    list_filter = ["status", "kind", "created_at"]
    search_fields = ["name", "short_name", "contact_name", "contact_email"]
    inspect_view_enabled = True
    # Not "countries": Wagtail's inspect view calls get_countries_display(), which fails on a multiple CountryField.
    inspect_view_fields = ["name", "short_name", "kind", "scope", "region", "website", "languages",
                           "description", "motivation", "contact_name", "contact_email", "language", "consents",
                           "status", "rejection_reason", "organisation", "created_at", "confirmed_at",
                           "decided_at", "decided_by", "contact_erased_at"]  # fmt: skip
    copy_view_enabled = False
    form_fields = ["status"]  # ModelViewSet requires a form; ReadOnlyPolicy lets no one use it


register_permission_policy(OrganisationApplication, ReadOnlyPolicy(OrganisationApplication))


@hooks.register("register_admin_viewset")
def register_application_viewset() -> OrganisationApplicationViewSet:
    return OrganisationApplicationViewSet("organisation_applications")


class ModerationMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(MODERATE_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item() -> MenuItem:
    return ModerationMenuItem(
        _("Applications to moderate"), reverse("organisations_moderation"), icon_name="tick", order=242
    )


@hooks.register("register_admin_urls")
def register_moderation_urls() -> list[Any]:
    return [
        path("organisations/applications/moderate/", views.moderation_queue, name="organisations_moderation"),
        path(
            "organisations/applications/<id:application_id>/decide/",
            views.decide_application,
            name="organisations_decide_application",
        ),
    ]


@hooks.register("register_log_actions")
def register_application_log_actions(actions: Any) -> None:
    actions.register_action(
        APPROVE_APPLICATION_LOG_ACTION, _("Approve application"), _("Approved an application to join the coalition")
    )
    actions.register_action(
        REJECT_APPLICATION_LOG_ACTION, _("Reject application"), _("Rejected an application to join the coalition")
    )
