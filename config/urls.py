"""URL map: language-prefixed public pages, and the unprefixed admin, health check, uploads and photos."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from stoptheharm.core import views as core_views

urlpatterns = [
    path("healthz", core_views.health, name="health"),
    path("admin/", include(wagtailadmin_urls)),
    path("api/", include("stoptheharm.api.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("media/<path:path>", core_views.media, name="media"),
    path("photos/<path:name>", core_views.public_photo, name="public-photo"),
]

urlpatterns += i18n_patterns(
    path("atlas/", include("stoptheharm.atlas.urls")),
    path("local-actions/", include("stoptheharm.localactions.urls")),
    path("feeds/", include("stoptheharm.news.urls")),
    path("resources/", include("stoptheharm.library.urls")),
    path("courses/", include("stoptheharm.courses.urls")),
    path("organisations/", include("stoptheharm.organisations.urls")),
    path("petitions/", include("stoptheharm.petitions.urls")),
    path("statements/", include("stoptheharm.statements.urls")),
    path("events/", include("stoptheharm.events.urls")),
    path("alerts/", include("stoptheharm.alerts.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
