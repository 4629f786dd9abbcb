"""Reading back which font drew which characters in a PDF of `core.pdf`, for the tests of every app."""

import io
import re

from pypdf import PdfReader


def glyphs_by_font(pdf: bytes) -> dict[str, list[str]]:
    """The text each glyph drawn stands for (its font's ToUnicode map), by font name without the subset tag.

    Text extraction puts shaped Arabic and Indic clusters together unreliably; the glyphs show which font
    drew a name, and whether its letters were shaped (one letter drawn by two glyphs, one glyph for two).
    """
    glyphs = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            to_unicode = font["/ToUnicode"].get_data().decode()
            mapped = "".join(re.findall(r"beginbfchar(.*?)endbfchar", to_unicode, re.S))
            pairs = re.findall(r"<([0-9A-F]{4})> <([0-9A-F]+)>", mapped)
            glyphs[font["/BaseFont"].split("+")[-1]] = [bytes.fromhex(text).decode("utf-16-be") for _, text in pairs]
    return glyphs
