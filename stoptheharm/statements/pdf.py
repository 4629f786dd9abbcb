"""The statement as a print-ready PDF: its text, references and numbered signatories (docs/decisions/0006).

Made with fpdf2 (pure Python) and the DejaVu Sans font committed beside this module, which covers
Latin, Greek and Cyrillic; nothing is read from the system or the network.
"""

from pathlib import Path

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import TextStyle

from stoptheharm.statements.models import StatementPage
from stoptheharm.statements.references import annotate
from stoptheharm.statements.selectors import IndividualSignatory, Signatory

FONT_DIR = Path(__file__).parent / "fonts"
FAMILY = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf",
              "BI": "DejaVuSans-Bold.ttf"}  # fmt: skip
MUTED = (90, 90, 90)
NEXT_LINE = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT, "align": "L"}
HEADING_STYLES = {
    "h2": TextStyle(font_family=FAMILY, font_style="B", font_size_pt=14, color=(0, 0, 0), t_margin=5, b_margin=0),
    "h3": TextStyle(font_family=FAMILY, font_style="B", font_size_pt=12, color=(0, 0, 0), t_margin=4, b_margin=0),
}


class StatementDocument(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*MUTED)
        label = _("Page %(page)s of %(pages)s") % {"page": self.page_no(), "pages": "{nb}"}
        self.cell(0, 10, label, align="C")


def statement_pdf(
    statement: StatementPage, signatories: list[Signatory], individuals: list[IndividualSignatory]
) -> bytes:
    """The whole statement, in the statement's language, with the lists as they stand now."""
    document = StatementDocument(format="A4")
    for style, file_name in FONT_FILES.items():
        document.add_font(FAMILY, style, FONT_DIR / file_name)
    document.set_title(statement.title)
    document.set_creator("Stop the Harm")
    document.set_lang(statement.locale.language_code)
    document.set_margins(20, 20, 20)
    document.set_auto_page_break(auto=True, margin=20)
    document.add_page()
    _write_heading(document, statement)
    annotated = annotate(statement, links=False)
    document.write_html(
        str(annotated.body), font_family=FAMILY, warn_on_tags_not_matching=False, tag_styles=HEADING_STYLES
    )
    if annotated.references:
        _write_section_title(document, _("References"))
        document.set_font(FAMILY, size=9)
        for reference in annotated.references:
            text = f"{reference.number}. {reference.citation}" + (f" {reference.url}" if reference.url else "")
            document.multi_cell(0, 5, text, **NEXT_LINE)
    _write_signatories(document, signatories)
    if individuals:
        _write_individuals(document, individuals)
    return bytes(document.output())


def _write_heading(document: FPDF, statement: StatementPage) -> None:
    document.set_font(FAMILY, "B", 18)
    document.multi_cell(0, 9, statement.title, **NEXT_LINE)
    context = [
        part for part in (statement.event_name, statement.event_date and date_format(statement.event_date)) if part
    ]
    if context:
        document.set_font(FAMILY, size=10)
        document.set_text_color(*MUTED)
        document.multi_cell(0, 6, " · ".join(context), **NEXT_LINE)
        document.set_text_color(0, 0, 0)
    document.ln(3)
    document.set_font(FAMILY, "I", 12)
    document.multi_cell(0, 6, statement.introduction, **NEXT_LINE)
    document.ln(2)
    document.set_font(FAMILY, size=11)


def _write_section_title(document: FPDF, title: str) -> None:
    document.ln(4)
    document.set_font(FAMILY, "B", 13)
    document.multi_cell(0, 8, title, **NEXT_LINE)


def _write_signatories(document: FPDF, signatories: list[Signatory]) -> None:
    count = len(signatories)
    _write_section_title(
        document,
        ngettext("%(count)d organisation has signed", "%(count)d organisations have signed", count) % {"count": count},
    )
    document.set_font(FAMILY, size=10)
    for signatory in signatories:
        where = f" ({signatory.country_names})" if signatory.countries else ""
        document.multi_cell(0, 5.5, f"{signatory.number}. {signatory.name}{where}", **NEXT_LINE)


def _write_individuals(document: FPDF, individuals: list[IndividualSignatory]) -> None:
    count = len(individuals)
    _write_section_title(
        document,
        ngettext("%(count)d individual has signed", "%(count)d individuals have signed", count) % {"count": count},
    )
    document.set_font(FAMILY, size=10)
    for person in individuals:
        details = ", ".join(part for part in (person.affiliation, person.country_name) if part)
        document.multi_cell(0, 5.5, f"{person.number}. {person.name} ({details})", **NEXT_LINE)
