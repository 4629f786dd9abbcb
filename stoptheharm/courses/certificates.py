"""The completion certificate: one A4 page with the learner's name as typed, the course and its modules.

Made with fpdf2 and the fonts of `core.pdf`, in whatever script; the name is written as text (nothing in it is
read as markup). Nothing about the learner is stored: the PDF is made for the response only.
"""

from datetime import date

from django.utils import formats, translation
from django.utils.translation import gettext as _

from stoptheharm.core.pdf import FAMILY, MUTED, NEXT_LINE, new_document
from stoptheharm.courses.models import CoursePage
from stoptheharm.courses.selectors import ModuleOutline


def certificate_pdf(*, course: CoursePage, outline: list[ModuleOutline], name: str, completed_on: date) -> bytes:
    """The certificate in the course's language."""
    language_code = course.locale.language_code
    with translation.override(language_code):
        document = new_document(title=_("Certificate of completion"), language_code=language_code)
        document.ln(20)
        document.set_font(FAMILY, size=12)
        document.set_text_color(*MUTED)
        document.multi_cell(0, 8, "Stop the Harm", **NEXT_LINE | {"align": "C"})
        document.set_text_color(0, 0, 0)
        document.set_font(FAMILY, "B", 24)
        document.multi_cell(0, 14, _("Certificate of completion"), **NEXT_LINE | {"align": "C"})
        document.ln(10)
        document.set_font(FAMILY, size=12)
        document.multi_cell(0, 8, _("This certifies that"), **NEXT_LINE | {"align": "C"})
        document.ln(4)
        document.set_font(FAMILY, "B", 20)
        document.multi_cell(0, 12, name, **NEXT_LINE | {"align": "C"})
        document.ln(4)
        document.set_font(FAMILY, size=12)
        document.multi_cell(
            0, 8, _("has completed every module of the free online course"), **NEXT_LINE | {"align": "C"}
        )
        document.set_font(FAMILY, "I", 16)
        document.multi_cell(0, 10, course.title, **NEXT_LINE | {"align": "C"})
        document.ln(8)
        document.set_font(FAMILY, size=11)
        for item in outline:
            document.multi_cell(0, 7, f"{item.number}. {item.module.title}", **NEXT_LINE | {"align": "C"})
        document.ln(10)
        document.set_text_color(*MUTED)
        day = formats.date_format(completed_on, "DATE_FORMAT")
        document.multi_cell(0, 7, _("Completed on %(date)s") % {"date": day}, **NEXT_LINE | {"align": "C"})
        return bytes(document.output())
