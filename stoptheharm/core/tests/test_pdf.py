import io

import pytest
from pypdf import PdfReader

from stoptheharm.core.pdf import FAMILY, NEXT_LINE, new_document
from stoptheharm.core.tests.pdf_fonts import glyphs_by_font


def pdf_with(text: str, style: str = "") -> bytes:
    document = new_document(title="Test", language_code="en")
    document.set_font(FAMILY, style, 12)
    document.multi_cell(0, 6, text, **NEXT_LINE)
    return bytes(document.output())


def test_latin_greek_and_cyrillic_are_drawn_in_dejavu_alone_and_no_other_font_is_embedded():
    data = pdf_with("Zoë Ångström-Núñez, Ελλάδα, Москва: “harm reduction” – €5")
    assert set(glyphs_by_font(data)) == {"DejaVuSansBook"}
    assert (
        "Zoë Ångström-Núñez, Ελλάδα, Москва: “harm reduction” – €5"
        in PdfReader(io.BytesIO(data)).pages[0].extract_text()
    )


@pytest.mark.parametrize(
    ("name", "font"),
    [("王芳", "DroidSansFallback"), ("香港戒毒會", "DroidSansFallback"), ("渡辺さくら", "DroidSansFallback"),
     ("김민수", "DroidSansFallback"), ("محمد رضایی", "NotoSansArabic"), ("عائشہ ے", "NotoSansArabic"),
     ("שלום", "NotoSansHebrew"), ("अनीता शर्मा", "NotoSansDevanagari"), ("সুমি রায়", "NotoSansBengali"),
     ("สมชาย ใจดี", "NotoSansThai"), ("தமிழ்", "NotoSansTamil"), ("ሰላም", "NotoSansEthiopic")],
)  # fmt: skip
def test_a_name_in_a_script_dejavu_lacks_is_drawn_in_that_scripts_font(name, font):
    glyphs = glyphs_by_font(pdf_with(f"1. {name} (Network)"))
    assert set(glyphs) == {"DejaVuSansBook", font}
    assert set("".join(glyphs[font])) >= set(name) - {" "}


def test_a_bold_name_takes_the_bold_of_its_script_and_chinese_its_only_weight():
    assert set(glyphs_by_font(pdf_with("محمد 王芳", style="B"))) == {
        "DejaVuSansBook",  # the footer
        "DejaVuSansBold",  # the space
        "NotoSansArabicBold",
        "DroidSansFallback",
    }


def test_arabic_is_joined_and_runs_right_to_left_inside_a_left_to_right_line():
    data = pdf_with("7. محمد رضایی (Iran)")
    # The first and the last م of محمد take two shapes (initial, final): unshaped, one glyph would do.
    assert glyphs_by_font(data)["NotoSansArabic"].count("م") == 2
    # pypdf reads from left to right: the number stays first, the first name is drawn on the right.
    assert "7. رضایی محمد" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_devanagari_is_shaped_into_clusters():
    # र् before म is drawn as a reph over the cluster: one glyph stands for the whole syllable.
    assert "र्मा" in glyphs_by_font(pdf_with("अनीता शर्मा"))["NotoSansDevanagari"]
