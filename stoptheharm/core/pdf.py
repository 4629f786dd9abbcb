"""What every PDF the platform makes shares: its fonts, A4 pages, margins and numbered footers.

fpdf2 is pure Python; the fonts are committed beside this module (docs/decisions/0006 and 0018).
DejaVu Sans sets Latin with every accent, Greek and Cyrillic; a character it lacks (a name in Arabic,
Hebrew, an Indic script, Thai, Chinese, Japanese, Korean...) is set in the first script font that has
it, and HarfBuzz shapes the text: letters joined, right-to-left runs in order, Indic clusters formed.
Nothing is read from the system or the network.
"""

from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import TextStyle

FONT_DIR = Path(__file__).parent / "fonts"
FAMILY = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf",
              "BI": "DejaVuSans-Bold.ttf"}  # fmt: skip
# DejaVu's Hebrew and Arabic are partial (no Urdu ے, none at all in the oblique): a name would be split
# between two fonts and lose its joins, so these scripts and their presentation forms are set in Noto.
HEBREW_AND_ARABIC = [range(0x0590, 0x0700), range(0x0750, 0x0780), range(0x08A0, 0x0900), range(0xFB1D, 0xFE00),
                     range(0xFE70, 0xFF00)]  # fmt: skip
NOTO_SCRIPTS = ["Arabic", "Hebrew", "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu",
                "Kannada", "Malayalam", "Sinhala", "Thai", "Khmer", "Myanmar", "Ethiopic"]  # fmt: skip
# Tried in this order for each character DejaVu lacks; style "" is regular, "B" bold.
SCRIPT_FONTS = {
    **{f"NotoSans{script}": {"": f"NotoSans{script}-Regular.ttf", "B": f"NotoSans{script}-Bold.ttf"}
       for script in NOTO_SCRIPTS},
    "DroidSansFallback": {"": "DroidSansFallback.ttf"},  # Chinese, Japanese and Korean, regular only
}  # fmt: skip
BLACK = (0, 0, 0)
MUTED = (90, 90, 90)
NEXT_LINE = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT, "align": "L"}
HEADING_STYLES = {
    "h2": TextStyle(font_family=FAMILY, font_style="B", font_size_pt=14, color=BLACK, t_margin=5, b_margin=0),
    "h3": TextStyle(font_family=FAMILY, font_style="B", font_size_pt=12, color=BLACK, t_margin=4, b_margin=0),
}


@cache
def characters_in_font(file_name: str) -> frozenset[int]:
    """The code points a font has glyphs for, read once per process."""
    with TTFont(FONT_DIR / file_name, lazy=True) as font:
        return frozenset(font.getBestCmap())


@cache
def dejavu_characters(file_name: str) -> list[int]:
    """The code points DejaVu sets: all it has glyphs for but Hebrew and Arabic."""
    return [code for code in characters_in_font(file_name) if not any(code in block for block in HEBREW_AND_ARABIC)]


class PlatformDocument(FPDF):
    """An A4 document with the platform's fonts and "Page n of m" at the foot of every page."""

    def normalize_text(self, text: str) -> str:
        """Turn HarfBuzz shaping on for a text with a character DejaVu lacks, and off for any other.

        fpdf2 calls this before it writes any text. Shaping every line would make a Latin PDF twice as
        large and three times slower, for no visible change. The platform's languages are written left
        to right: a right-to-left name is a run inside the line, after its number.
        """
        glyphs = self.current_font.cmap
        self.set_text_shaping(any(ord(char) not in glyphs for char in text if char != "\n"), direction="ltr")
        return super().normalize_text(text)

    def get_fallback_font(self, char: str, style: str = "") -> str | None:
        """The first script font with the character, added to the document when its text first needs it.

        Only fonts a document uses are loaded and embedded (fpdf2 embeds every font added), so a PDF in
        Latin script is as small and as quick to make as with DejaVu alone.
        """
        for family, files in SCRIPT_FONTS.items():
            if ord(char) in characters_in_font(files[""]):
                weight = "B" if "B" in style and "B" in files else ""
                key = family.lower() + weight
                if key not in self.fonts:
                    self.add_font(family, weight, FONT_DIR / files[weight])
                    loaded = [name for name in SCRIPT_FONTS if {name.lower(), f"{name.lower()}B"} & self.fonts.keys()]
                    self.set_fallback_fonts(loaded)  # fpdf2 keeps a fallback font from becoming the page's font
                return key
        return None

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
        document.add_font(FAMILY, style, FONT_DIR / file_name, unicode_range=dejavu_characters(file_name))
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
