from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from stoptheharm.core.csrf import public_form
from stoptheharm.courses.certificates import certificate_pdf
from stoptheharm.courses.completion import check_completion
from stoptheharm.courses.forms import CertificateForm
from stoptheharm.courses.models import LessonPage
from stoptheharm.courses.quizzes import mark_quiz
from stoptheharm.courses.selectors import course_outline, live_courses


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def answer_quiz(request: HttpRequest, lesson_id: int) -> HttpResponse:
    """The lesson again, with each answer marked and its feedback; nothing is stored, no cookie is set."""
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    if request.method == "GET" or not lesson.quiz:
        return redirect(lesson.url)
    context = {**lesson.get_context(request), "quiz_result": mark_quiz(lesson, request.POST)}
    return TemplateResponse(request, lesson.get_template(request), context)


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("name")
def certificate(request: HttpRequest, course_id: int) -> HttpResponse:
    """The certificate form; once every lesson is done and every quiz right, the PDF with the name as typed."""
    course = get_object_or_404(live_courses(), pk=course_id)
    outline = course_outline(course, with_quizzes=True)
    form = CertificateForm(request.POST if request.method == "POST" else None)
    check = check_completion(outline, completed_lesson_keys=set(request.POST.getlist("lessons")), answers=request.POST)
    if form.is_bound and form.is_valid() and check.is_complete:
        pdf = certificate_pdf(
            course=course, outline=outline, name=form.cleaned_data["name"], completed_on=timezone.localdate()
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(True, f"certificate-{course.slug}.pdf")
        return response
    context = {"page": course, "course": course, "form": form, "check": check}
    return TemplateResponse(request, "courses/certificate.html", context, status=400 if form.is_bound else 200)
