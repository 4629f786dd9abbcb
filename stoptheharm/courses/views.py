from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_safe

from stoptheharm.core.clients import client_ip
from stoptheharm.core.csrf import public_form
from stoptheharm.core.tokens import InvalidToken
from stoptheharm.courses import services
from stoptheharm.courses.certificates import certificate_pdf
from stoptheharm.courses.completion import check_completion
from stoptheharm.courses.forms import CertificateForm, CompletedLessonsForm, KeepProgressForm
from stoptheharm.courses.models import LessonPage
from stoptheharm.courses.quizzes import mark_quiz
from stoptheharm.courses.selectors import course_outline, lesson_keys, lessons_done, live_courses


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


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("email")
def keep_progress(request: HttpRequest, course_id: int) -> HttpResponse:
    """Ask for the private link; a valid request (new, known or limited address) always gets the same next page."""
    course = get_object_or_404(live_courses(), pk=course_id)
    keys = lesson_keys(course)
    form = KeepProgressForm(request.POST if request.method == "POST" else None, lesson_keys=keys)
    if form.is_bound and form.is_valid():
        if not (form.is_bot or form.looks_automated):
            services.request_progress_link(
                course=course,
                email=form.cleaned_data["email"],
                completed=form.cleaned_data["completed"],
                language=get_language(),
                ip_address=client_ip(request),
            )
        return redirect("courses:keep-progress-sent", course_id=course.pk)
    context = {"page": course, "course": course, "form": form}
    return TemplateResponse(request, "courses/keep_progress.html", context, status=400 if form.is_bound else 200)


@require_safe
def keep_progress_sent(request: HttpRequest, course_id: int) -> HttpResponse:
    course = get_object_or_404(live_courses(), pk=course_id)
    return TemplateResponse(request, "courses/keep_progress_sent.html", {"page": course, "course": course})


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def progress(request: HttpRequest, token: str) -> HttpResponse:
    """The private link: GET only shows a button, so a mail scanner opening the link changes nothing.

    POST confirms, adds the browser's lessons to those kept and hands them all back to the browser.
    """
    try:
        learner = services.learner_from_token(token)
    except InvalidToken:
        return TemplateResponse(request, "courses/invalid_link.html", status=404)
    course = learner.course.localized
    form = CompletedLessonsForm(request.POST if request.method == "POST" else None, lesson_keys=lesson_keys(course))
    context = {"page": course, "course": course, "token": token, "form": form, "opened": False}
    if form.is_bound and form.is_valid():
        try:
            learner = services.open_progress(token=token, completed=form.cleaned_data["completed"])
        except InvalidToken:
            return TemplateResponse(request, "courses/invalid_link.html", status=404)
        except ValidationError as error:
            form.add_error("completed", error.messages)
        else:
            done = lessons_done(course, learner.completed)
            context |= {"opened": True, "completed": learner.completed, "lessons_done": done}
    return TemplateResponse(request, "courses/progress.html", context, status=400 if form.errors else 200)


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def forget_progress(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; POST deletes the learner's row: the one-click erasure."""
    if request.method == "GET":
        return TemplateResponse(request, "courses/forget.html", {"token": token})
    try:
        services.forget_learner(token=token)
    except InvalidToken:
        return TemplateResponse(request, "courses/invalid_link.html", status=404)
    return TemplateResponse(request, "courses/forgotten.html")
