from django.urls import path

from stoptheharm.statements import views

app_name = "statements"
urlpatterns = [
    path("<id:statement_id>/signatories.csv", views.signatories_csv, name="signatories-csv"),
    path("<id:statement_id>/individual-signatories.csv", views.individuals_csv, name="individuals-csv"),
    path("<id:statement_id>/statement.pdf", views.statement_pdf, name="pdf"),
    path("<id:statement_id>/endorse/", views.endorse, name="endorse"),
    path("<id:statement_id>/sign/", views.endorse_as_individual, name="endorse-individual"),
    path("<id:statement_id>/thank-you/", views.thank_you, name="thank-you"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
]
