from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from stoptheharm.core.permissions import ReadOnlyPolicy
from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.profile_sections import PROFILE_SECTIONS_HOOK, ProfileSection
from stoptheharm.petitions import trending, views
from stoptheharm.petitions.models import PetitionPage, Signature, SignatureStatus
from stoptheharm.petitions.selectors import petitions_co_sponsored_by
from stoptheharm.petitions.services import (
    EXPORT_LOG_ACTION,
    INVALIDATE_GROUP_LOG_ACTION,
    INVALIDATE_LOG_ACTION,
    RELEASE_LOG_ACTION,
)


class SignatureIndexView(IndexView):
    """The list, with release and invalidation for staff who may moderate."""

    def get_list_more_buttons(self, instance: Signature) -> list[Any]:
        buttons = super().get_list_more_buttons(instance)
        if not self.request.user.has_perm("petitions.moderate_signatures"):
            return buttons
        if instance.status == SignatureStatus.HELD:
            url = reverse("petitions_moderate", args=[instance.pk, "release"])
            buttons.append(MenuItem(_("Release"), url=url, icon_name="tick", priority=40))
        if instance.status != SignatureStatus.INVALIDATED:
            url = reverse("petitions_moderate", args=[instance.pk, "invalidate"])
            buttons.append(MenuItem(_("Invalidate as fraudulent"), url=url, icon_name="warning", priority=50))
        url = reverse("petitions_trending", args=[instance.petition_id])
        buttons.append(MenuItem(_("Trending sources of its petition"), url=url, icon_name="view", priority=60))
        return buttons


class SignatureViewSet(ModelViewSet):
    """Signatures in the admin: searchable and filterable, read-only (changes go through services)."""

    model = Signature
    index_view_class = SignatureIndexView
    icon = "user"
    menu_label = _("Signatures")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "petition", "country", "status", "created_at"]
    list_filter = ["status", "country", "created_at", "petition"]
    search_fields = ["name", "email"]
    inspect_view_enabled = True
    inspect_view_fields = ["petition", "name", "email", "country", "language", "status", "is_public",
                           "wants_updates", "consents", "created_at", "confirmed_at"]  # fmt: skip
    copy_view_enabled = False
    form_fields = ["status"]  # ModelViewSet requires a form; ReadOnlyPolicy lets no one use it


register_permission_policy(Signature, ReadOnlyPolicy(Signature))


@hooks.register("register_admin_viewset")
def register_signature_viewset() -> SignatureViewSet:
    return SignatureViewSet("signatures")


@hooks.register("register_admin_urls")
def register_export_url() -> list[Any]:
    return [
        path("petitions/<id:petition_id>/signatures.csv", views.export_signatures_csv, name="petitions_export"),
        path(
            "petitions/signatures/<id:signature_id>/<slug:decision>/",
            views.moderate_signature,
            name="petitions_moderate",
        ),
        path("petitions/<id:petition_id>/trending/", views.trending_sources, name="petitions_trending"),
        path(
            "petitions/<id:petition_id>/trending/invalidate/",
            views.invalidate_group,
            name="petitions_invalidate_group",
        ),
    ]


@hooks.register("register_page_header_buttons")
def export_button(page: Any, user: Any, view_name: str, next_url: str | None = None) -> Iterator[Button]:
    if isinstance(page.specific_deferred, PetitionPage) and user.has_perm("petitions.export_signatures"):
        url = reverse("petitions_export", kwargs={"petition_id": page.pk})
        yield Button(_("Export confirmed signatures (CSV)"), url, icon_name="download", priority=90)


@hooks.register("register_page_header_buttons")
def trending_button(page: Any, user: Any, view_name: str, next_url: str | None = None) -> Iterator[Button]:
    if isinstance(page.specific_deferred, PetitionPage) and user.has_perm("petitions.moderate_signatures"):
        url = reverse("petitions_trending", kwargs={"petition_id": page.pk})
        yield Button(_("Trending sources"), url, icon_name="warning", priority=91)


class InvalidateGroupFormatter(LogFormatter):
    """The history line of a group invalidation: how many, which group, which of its signatures."""

    label = _("Invalidate a group of signatures")

    def format_message(self, log_entry: Any) -> str:
        data = log_entry.data
        count = data.get("signatures", 0)
        message = ngettext(
            "Invalidated %(count)d signature of one group (%(kind)s: %(group)s; %(window)s)",
            "Invalidated %(count)d signatures of one group (%(kind)s: %(group)s; %(window)s)",
            count,
        )
        kinds, windows = dict(trending.SourceKind.choices), dict(trending.GroupWindow.choices)
        return message % {
            "count": count,
            "kind": kinds.get(data.get("kind"), data.get("kind")),
            "group": data.get("group"),
            "window": windows.get(data.get("window"), data.get("window")),
        }


@hooks.register("register_log_actions")
def register_export_log_action(actions: Any) -> None:
    actions.register_action(EXPORT_LOG_ACTION, _("Export signatures"), _("Exported the confirmed signatures"))
    actions.register_action(RELEASE_LOG_ACTION, _("Release signature"), _("Released a held signature"))
    actions.register_action(
        INVALIDATE_LOG_ACTION, _("Invalidate signature"), _("Invalidated a signature as fraudulent")
    )
    actions.register_action(INVALIDATE_GROUP_LOG_ACTION)(InvalidateGroupFormatter)


@hooks.register(PROFILE_SECTIONS_HOOK)
def co_sponsored_petitions(organisation: Organisation, request: HttpRequest) -> ProfileSection | None:
    """On an organisation's public page: the petitions it co-sponsors, in the page's language."""
    petitions = list(petitions_co_sponsored_by(organisation_id=organisation.pk, language=get_language()))
    if not petitions:
        return None
    return ProfileSection(
        title=_("Petitions it co-sponsors"),
        template="petitions/includes/co_sponsored_petitions.html",
        context={"petitions": petitions},
    )
