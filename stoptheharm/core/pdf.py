"""What every PDF the platform makes shares: the DejaVu Sans fonts, A4 pages, margins and numbered footers.

fpdf2 is pure Python; the fonts are committed beside this module and cover Latin with every accent,
Greek and Cyrillic (docs/decisions/0006). Nothing is read from the system or the network.
"""

from pathlib import Path

from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import TextStyle

FONT_DIR = Path(__file__).parent / "fonts"
FAMILY = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf",
              "BI": "DejaVuSans-Bold.ttf"}  # fmt: skip
BLACK = (0, 0, 0)
MUTED = (90, 90, 90)
NEXT_LINE = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT, "align": "L"}
HEADING_STYLES = {
    "h2": TextStyle(font_family=FAMILY, font_style="B", font_size_pt=14, color=BLACK, t_margin=5, b_margin=0),
    "h3": TextStyle(font_family=FAMILY, font_style="B", font_size_pt=12, color=BLACK, t_margin=4, b_margin=0),
}


class PlatformDocument(FPDF):
    """An A4 document with the platform's fonts and "Page n of m" at the foot of every page."""

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*MUTED)
        label = _("Page %(page)s of %(pages)s") % {"page": self.page_no(), "pages": "{nb}"}
        self.cell(0, 10, label, align="C")
        self.set_text_color(*BLACK)


def new_document(*, title: str, language_code: str) -> PlatformDocument:
    """A document with its first page open, its title and language set (read aloud by screen readers)."""
    document = PlatformDocument(format="A4")
    for style, file_name in FONT_FILES.items():
        document.add_font(FAMILY, style, FONT_DIR / file_name)
    document.set_title(title)
    document.set_creator("Stop the Harm")
    document.set_lang(language_code)
    document.set_margins(20, 20, 20)
    document.set_auto_page_break(auto=True, margin=20)
    document.add_page()
    return document


def write_section_title(document: FPDF, title: str) -> None:
    document.ln(4)
    document.set_font(FAMILY, "B", 13)
    document.multi_cell(0, 8, title, **NEXT_LINE)
