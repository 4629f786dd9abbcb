"""WCAG 2.2 AA contrast of the colour pairs the stylesheet uses, read from its custom properties."""

import re
from pathlib import Path

import pytest
from django.conf import settings

STYLESHEET = Path(settings.PROJECT_DIR) / "static" / "css" / "site.css"
TEXT_PAIRS = [  # (foreground, background) for text: 4.5:1
    ("ink", "paper"),
    ("muted", "paper"),
    ("link", "paper"),
    ("brand", "paper"),
    ("on-brand", "brand"),
    ("ink", "surface"),
    ("muted", "surface"),
    ("link", "surface"),
    ("notice-ink", "notice"),
    ("focus-halo", "focus"),
    ("error", "paper"),
    ("error", "surface"),
    ("success", "paper"),  # "done" beside a course's lessons
]
NON_TEXT_PAIRS = [  # borders and focus rings against what surrounds them: 3:1
    ("rule", "paper"),
    ("focus-halo", "paper"),
    ("focus-halo", "surface"),
    ("focus", "brand"),
    ("map-marker", "map-land"),  # markers of the world map against land, sea and their own ring
    ("map-marker", "map-sea"),
    ("map-marker", "map-marker-ring"),
    ("focus-halo", "focus"),  # a focused country or marker of the map
]


def palette() -> dict[str, str]:
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", STYLESHEET.read_text()))


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(("foreground", "background"), TEXT_PAIRS)
def test_text_colours_meet_aa(foreground, background):
    colours = palette()
    assert contrast(colours[foreground], colours[background]) >= 4.5


@pytest.mark.parametrize(("foreground", "background"), NON_TEXT_PAIRS)
def test_borders_and_focus_rings_meet_aa(foreground, background):
    colours = palette()
    assert contrast(colours[foreground], colours[background]) >= 3.0
