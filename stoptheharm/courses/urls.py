from django.urls import path

from stoptheharm.courses import views

app_name = "courses"
urlpatterns = [
    path("lessons/<id:lesson_id>/quiz/", views.answer_quiz, name="answer-quiz"),
    path("<id:course_id>/certificate/", views.certificate, name="certificate"),
    path("<id:course_id>/keep-progress/", views.keep_progress, name="keep-progress"),
    path("<id:course_id>/keep-progress/sent/", views.keep_progress_sent, name="keep-progress-sent"),
    path("progress/<str:token>/", views.progress, name="progress"),
    path("progress/<str:token>/forget/", views.forget_progress, name="forget-progress"),
]
