from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from stoptheharm.core.permissions import ReadOnlyPolicy
from stoptheharm.localactions import views
from stoptheharm.localactions.models import ActionPhoto, ActionStatus, LocalAction, PhotoStatus
from stoptheharm.localactions.selectors import actions_of_organisation
from stoptheharm.localactions.services import (
    APPROVE_LOG_ACTION,
    APPROVE_PHOTO_LOG_ACTION,
    REJECT_LOG_ACTION,
    REMOVE_PHOTO_LOG_ACTION,
)
from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.profile_sections import PROFILE_SECTIONS_HOOK, ProfileSection

MODERATE_PERMISSION = "localactions.moderate_local_actions"


class LocalActionIndexView(IndexView):
    """The moderation queue: filter by status "Awaiting moderation"; approval and rejection for moderators."""

    def get_list_more_buttons(self, instance: Any) -> list[Any]:
        buttons = super().get_list_more_buttons(instance)
        if instance.status == ActionStatus.AWAITING_MODERATION and self.request.user.has_perm(MODERATE_PERMISSION):
            buttons.append(MenuItem(_("Approve"), url=reverse("localactions_approve", args=[instance.pk]),
                                    icon_name="tick", priority=40))  # fmt: skip
            buttons.append(MenuItem(_("Reject"), url=reverse("localactions_reject", args=[instance.pk]),
                                    icon_name="cross", priority=50))  # fmt: skip
        return buttons


class ActionPhotoIndexView(IndexView):
    def get_list_more_buttons(self, instance: Any) -> list[Any]:
        buttons = super().get_list_more_buttons(instance)
        if not self.request.user.has_perm(MODERATE_PERMISSION):
            return buttons
        if instance.status == PhotoStatus.AWAITING_MODERATION:
            url = reverse("localactions_photo", args=[instance.pk, "approve"])
            buttons.append(MenuItem(_("Approve"), url=url, icon_name="tick", priority=40))
        url = reverse("localactions_photo", args=[instance.pk, "remove"])
        buttons.append(MenuItem(_("Remove"), url=url, icon_name="bin", priority=50))
        return buttons


class LocalActionViewSet(ModelViewSet):
    """Local actions, read-only: decisions go through the services, edits through the organiser's link."""

    model = LocalAction
    index_view_class = LocalActionIndexView
    icon = "site"
    menu_label = _("Local actions")
    list_display = ["title", "city", "country", "organisation_name", "day", "status", "created_at"]
    list_filter = ["status", "day", "kind"]
    search_fields = ["title", "city", "organisation_name", "contact_name"]
    inspect_view_enabled = True
    inspect_view_fields = ["day", "organisation_name", "organisation", "title", "description", "kind", "venue", "city",
                           "country", "latitude", "longitude", "starts_at", "ends_at", "expected_participants",
                           "public_contact", "languages", "contact_name", "contact_email", "language", "consents",
                           "status", "rejection_reason", "created_at", "updated_at", "confirmed_at",
                           "decided_at"]  # fmt: skip
    copy_view_enabled = False
    form_fields = ["status"]  # ModelViewSet requires a form; ReadOnlyPolicy lets no one use it


class ActionPhotoViewSet(ModelViewSet):
    model = ActionPhoto
    index_view_class = ActionPhotoIndexView
    icon = "image"
    menu_label = _("Photos")
    list_display = ["alt_text", "action", "status", "created_at"]
    list_filter = ["status"]
    inspect_view_enabled = True
    inspect_view_fields = ["action", "image", "alt_text", "caption", "width", "height", "status", "created_at"]
    copy_view_enabled = False
    form_fields = ["status"]


class LocalActionViewSetGroup(ModelViewSetGroup):
    items = (LocalActionViewSet("local_actions"), ActionPhotoViewSet("local_action_photos"))
    menu_label = _("Days of action")
    menu_icon = "site"
    menu_order = 270


register_permission_policy(LocalAction, ReadOnlyPolicy(LocalAction))
register_permission_policy(ActionPhoto, ReadOnlyPolicy(ActionPhoto))


@hooks.register("register_admin_viewset")
def register_local_action_viewsets() -> LocalActionViewSetGroup:
    return LocalActionViewSetGroup()


@hooks.register("register_admin_urls")
def register_moderation_urls() -> list[Any]:
    return [
        path("local-actions/<id:action_id>/approve/", views.approve_action, name="localactions_approve"),
        path("local-actions/<id:action_id>/reject/", views.reject_action, name="localactions_reject"),
        path(
            "local-actions/photos/<id:photo_id>/<slug:decision>/",
            views.moderate_photo,
            name="localactions_photo",
        ),
    ]


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions: Any) -> None:
    actions.register_action(APPROVE_LOG_ACTION, _("Approve local action"), _("Approved a local action"))
    actions.register_action(REJECT_LOG_ACTION, _("Reject local action"), _("Rejected a local action"))
    actions.register_action(APPROVE_PHOTO_LOG_ACTION, _("Approve photo"), _("Approved a photo of a local action"))
    actions.register_action(REMOVE_PHOTO_LOG_ACTION, _("Remove photo"), _("Removed a photo of a local action"))


@hooks.register(PROFILE_SECTIONS_HOOK)
def organisation_local_actions(organisation: Organisation, request: HttpRequest) -> ProfileSection | None:
    """On an organisation's public page: its approved local actions on days of action."""
    actions = list(actions_of_organisation(organisation_id=organisation.pk))
    if not actions:
        return None
    return ProfileSection(
        title=_("Local actions on days of action"),
        template="localactions/includes/organisation_actions.html",
        context={"actions": actions},
    )
