"""The free online courses in the REST API: each course with its modules and lessons. Nothing about learners."""

from typing import Any

from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from stoptheharm.courses.models import CoursePage
from stoptheharm.courses.selectors import course_languages, course_outline, courses_in_language, live_courses


class CourseOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    intro = serializers.CharField()
    language = serializers.CharField(help_text="The language of this version of the course.")
    languages = serializers.ListField(child=serializers.CharField(), help_text="Every language the course is in.")
    estimated_minutes = serializers.IntegerField(help_text="About how long the whole course takes.")
    campaign_id = serializers.IntegerField(allow_null=True)
    url = serializers.URLField()
    certificate_url = serializers.URLField(help_text="Where a learner who has finished gets a certificate.")


class LessonOutput(serializers.Serializer):
    id = serializers.IntegerField()
    key = serializers.UUIDField(help_text="The same lesson's key in every language.")
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.URLField()
    has_video = serializers.BooleanField()
    question_count = serializers.IntegerField(help_text="Questions in the lesson's quiz; 0: no quiz.")


class ModuleOutput(serializers.Serializer):
    number = serializers.IntegerField()
    title = serializers.CharField()
    intro = serializers.CharField()
    lessons = LessonOutput(many=True)


class CourseDetailOutput(CourseOutput):
    modules = ModuleOutput(many=True)


def course_representation(course: CoursePage, request: Request, languages: dict[Any, list[str]]) -> dict[str, Any]:
    certificate_path = reverse("courses:certificate", kwargs={"course_id": course.pk})
    return {
        "id": course.pk,
        "title": course.title,
        "intro": course.intro,
        "language": course.locale.language_code,
        "languages": languages.get(course.translation_key, [course.locale.language_code]),
        "estimated_minutes": course.estimated_minutes,
        "campaign_id": course.campaign_id,
        "url": request.build_absolute_uri(course.url or ""),
        "certificate_url": request.build_absolute_uri(certificate_path),
    }


class CourseListApi(APIView):
    @extend_schema(
        responses=CourseOutput(many=True),
        summary="Published courses, each once, in the request's language (Accept-Language) when translated into it",
    )
    def get(self, request: Request) -> Response:
        languages = course_languages()
        courses = courses_in_language(get_language())
        return Response([course_representation(course, request, languages) for course in courses])


class CourseDetailApi(APIView):
    @extend_schema(responses=CourseDetailOutput, summary="One published course with its modules and lessons, in order")
    def get(self, request: Request, course_id: int) -> Response:
        course = live_courses().select_related("locale").filter(pk=course_id).first()
        if course is None:
            raise Http404
        modules = [
            {
                "number": item.number,
                "title": item.module.title,
                "intro": item.module.intro,
                "lessons": [
                    {
                        "id": lesson.pk,
                        "key": lesson.translation_key,
                        "title": lesson.title,
                        "summary": lesson.summary,
                        "url": request.build_absolute_uri(lesson.url or ""),
                        "has_video": lesson.video_id is not None,
                        "question_count": len(lesson.questions),
                    }
                    for lesson in item.lessons
                ],
            }
            for item in course_outline(course, with_quizzes=True)
        ]
        representation = course_representation(course, request, course_languages())
        return Response({**representation, "modules": modules})
