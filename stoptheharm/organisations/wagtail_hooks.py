from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from stoptheharm.organisations.models import Organisation


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
