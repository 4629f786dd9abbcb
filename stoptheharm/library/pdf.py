"""A guide as a printable PDF: its title, summary, table of contents, then every stage and chapter.

Made with fpdf2 and the fonts of `core.pdf` (every script). Chapters are rich text written by editors; their
headings, paragraphs and list items become plain paragraphs (the text only: no markup reaches the PDF).
"""

from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.rich_text import RichText

from stoptheharm.core.pdf import FAMILY, MUTED, NEXT_LINE, new_document, write_section_title
from stoptheharm.library.models import ResourcePage

TEXT_ELEMENTS = ["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"]


def rich_text_paragraphs(rich_text: RichText | str) -> list[str]:
    """The text of each paragraph, heading and list item, in order, without markup or empty lines."""
    source = rich_text.source if isinstance(rich_text, RichText) else rich_text
    soup = BeautifulSoup(source, "html.parser")
    elements = soup.find_all(TEXT_ELEMENTS)
    paragraphs = [" ".join(element.get_text(" ").split()) for element in elements if not element.find(TEXT_ELEMENTS)]
    if not elements:
        paragraphs = [" ".join(soup.get_text(" ").split())]
    return [paragraph for paragraph in paragraphs if paragraph]


def guide_pdf(resource: ResourcePage) -> bytes:
    """The guide in its own language (the footer's words too), from the published page."""
    language_code = resource.locale.language_code
    with translation.override(language_code):
        document = new_document(title=resource.title, language_code=language_code)
        document.set_font(FAMILY, "B", 18)
        document.multi_cell(0, 9, resource.title, **NEXT_LINE)
        document.set_font(FAMILY, size=10)
        document.set_text_color(*MUTED)
        document.multi_cell(0, 6, str(resource.year), **NEXT_LINE)
        document.set_text_color(0, 0, 0)
        document.ln(2)
        document.set_font(FAMILY, "I", 12)
        document.multi_cell(0, 6, resource.summary, **NEXT_LINE)
        write_section_title(document, _("Contents"))
        document.set_font(FAMILY, size=11)
        for stage in resource.guide_contents:
            document.multi_cell(0, 6, f"{stage.number}. {stage.title}", **NEXT_LINE)
            for chapter in stage.chapters:
                document.multi_cell(0, 6, f"    {stage.number}.{chapter.number} {chapter.title}", **NEXT_LINE)
        for stage in resource.guide_contents:
            document.add_page()
            document.set_font(FAMILY, "B", 16)
            document.multi_cell(0, 8, f"{stage.number}. {stage.title}", **NEXT_LINE)
            if stage.introduction:
                document.set_font(FAMILY, "I", 11)
                document.multi_cell(0, 6, stage.introduction, **NEXT_LINE)
            for chapter in stage.chapters:
                write_section_title(document, f"{stage.number}.{chapter.number} {chapter.title}")
                document.set_font(FAMILY, size=11)
                for paragraph in rich_text_paragraphs(chapter.body):
                    document.multi_cell(0, 6, paragraph, **NEXT_LINE)
                    document.ln(2)
        return bytes(document.output())
