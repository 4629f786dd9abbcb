from django.urls import path

from stoptheharm.courses import views

app_name = "courses"
urlpatterns = [
    path("lessons/<id:lesson_id>/quiz/", views.answer_quiz, name="answer-quiz"),
    path("<id:course_id>/certificate/", views.certificate, name="certificate"),
]
