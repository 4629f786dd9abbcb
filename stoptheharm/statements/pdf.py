"""The statement as a print-ready PDF: its text, references and numbered signatories (docs/decisions/0006).

Made with fpdf2 and the fonts of `core.pdf`: names in every script, joined and shaped (decision 0018).
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf import FPDF

from stoptheharm.core.pdf import FAMILY, HEADING_STYLES, MUTED, NEXT_LINE, new_document, write_section_title
from stoptheharm.statements.models import StatementPage
from stoptheharm.statements.references import annotate
from stoptheharm.statements.selectors import IndividualSignatory, Signatory


def statement_pdf(
    statement: StatementPage, signatories: list[Signatory], individuals: list[IndividualSignatory]
) -> bytes:
    """The whole statement, in the statement's language, with the lists as they stand now."""
    document = new_document(title=statement.title, language_code=statement.locale.language_code)
    _write_heading(document, statement)
    annotated = annotate(statement, links=False)
    document.write_html(
        str(annotated.body), font_family=FAMILY, warn_on_tags_not_matching=False, tag_styles=HEADING_STYLES
    )
    if annotated.references:
        write_section_title(document, _("References"))
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


def _write_signatories(document: FPDF, signatories: list[Signatory]) -> None:
    count = len(signatories)
    write_section_title(
        document,
        ngettext("%(count)d organisation has signed", "%(count)d organisations have signed", count) % {"count": count},
    )
    document.set_font(FAMILY, size=10)
    for signatory in signatories:
        where = f" ({signatory.country_names})" if signatory.countries else ""
        document.multi_cell(0, 5.5, f"{signatory.number}. {signatory.name}{where}", **NEXT_LINE)


def _write_individuals(document: FPDF, individuals: list[IndividualSignatory]) -> None:
    count = len(individuals)
    write_section_title(
        document,
        ngettext("%(count)d individual has signed", "%(count)d individuals have signed", count) % {"count": count},
    )
    document.set_font(FAMILY, size=10)
    for person in individuals:
        details = ", ".join(part for part in (person.affiliation, person.country_name) if part)
        document.multi_cell(0, 5.5, f"{person.number}. {person.name} ({details})", **NEXT_LINE)
