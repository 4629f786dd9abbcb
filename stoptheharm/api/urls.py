from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from stoptheharm.api.docs import ApiDocsView
from stoptheharm.api.v1 import (
    alerts,
    atlas,
    courses,
    events,
    library,
    localactions,
    organisations,
    petitions,
    statements,
)

app_name = "api"
urlpatterns = [
    path("v1/atlas/countries/", atlas.CountryListApi.as_view(), name="atlas-countries"),
    path("v1/atlas/countries/<str:iso2>/", atlas.CountryDetailApi.as_view(), name="atlas-country"),
    path("v1/atlas/models/", atlas.ModelListApi.as_view(), name="atlas-models"),
    path("v1/atlas/indicators/", atlas.IndicatorListApi.as_view(), name="atlas-indicators"),
    path("v1/actions/", localactions.LocalActionListApi.as_view(), name="actions"),
    path("v1/resources/", library.ResourceListApi.as_view(), name="resources"),
    path("v1/courses/", courses.CourseListApi.as_view(), name="courses"),
    path("v1/courses/<id:course_id>/", courses.CourseDetailApi.as_view(), name="course"),
    path("v1/organisations/", organisations.OrganisationListApi.as_view(), name="organisations"),
    path("v1/petitions/", petitions.PetitionListApi.as_view(), name="petitions"),
    path("v1/petitions/<slug:slug>/", petitions.PetitionDetailApi.as_view(), name="petition"),
    path("v1/petitions/<slug:slug>/signatures/", petitions.PetitionSignApi.as_view(), name="petition-sign"),
    path("v1/statements/", statements.StatementListApi.as_view(), name="statements"),
    path("v1/statements/<slug:slug>/", statements.StatementDetailApi.as_view(), name="statement"),
    path("v1/statements/<slug:slug>/endorsements/", statements.StatementEndorseApi.as_view(), name="statement-endorse"),
    path("v1/events/", events.EventListApi.as_view(), name="events"),
    path("v1/events/<id:event_id>/", events.EventDetailApi.as_view(), name="event"),
    path("v1/events/<id:event_id>/registrations/", events.EventRegisterApi.as_view(), name="event-register"),
    path("v1/alerts/", alerts.AlertListApi.as_view(), name="alerts"),
    path("v1/alerts/<id:alert_id>/", alerts.AlertDetailApi.as_view(), name="alert"),
    path("v1/schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    path("v1/docs/", ApiDocsView.as_view(url_name="api:schema"), name="docs"),
]
