from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from stoptheharm.library.models import ResourceSeries
from stoptheharm.library.selectors import published_by
from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.profile_sections import PROFILE_SECTIONS_HOOK, ProfileSection


class ResourceSeriesViewSet(SnippetViewSet):
    """Series of resources published in editions; a resource page names its series and edition."""

    model = ResourceSeries
    icon = "list-ul"
    menu_label = _("Resource series")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name"]
    search_fields = ["name"]


register_snippet(ResourceSeriesViewSet)


@hooks.register(PROFILE_SECTIONS_HOOK)
def published_resources(organisation: Organisation, request: HttpRequest) -> ProfileSection | None:
    """On an organisation's public page: the library's resources it published, in the page's language if translated."""
    resources = published_by(organisation, language_code=get_language())
    if not resources:
        return None
    return ProfileSection(
        title=_("Resources it published"),
        template="library/includes/published_resources.html",
        context={"resources": resources},
    )
