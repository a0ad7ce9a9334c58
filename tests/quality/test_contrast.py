"""Text and background colours declared together in any stylesheet of the site meet WCAG 2.1
AA: 4.5:1, or 3:1 for large text (1.4.3)."""

from pathlib import Path

import pytest

import motcua
from tests.quality.contrast import contrast, declared_pairs, lone_pairs, root_variables

SRC = Path(motcua.__file__).resolve().parent
SITE_CSS = SRC / "static/motcua/site.css"
# print.css styles the PDF forms (black on white paper), not pages; it is checked all the same.
SHEETS = sorted({SITE_CSS, *SRC.glob("*/static/**/*.css")})
VARIABLES = root_variables(SITE_CSS.read_text("utf-8"))


def test_the_formula_matches_wcag_examples():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54  # the lightest AA grey on white
    assert contrast("#777777", "#ffffff") < 4.5


def test_the_site_palette_is_read():
    assert VARIABLES["--red"] == "#a3160f"
    assert any(p.selector == ".site-header" for p in declared_pairs(
        "site.css", SITE_CSS.read_text("utf-8"), VARIABLES))


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: str(p.relative_to(SRC)))
def test_declared_colour_pairs_meet_aa(sheet):
    css = sheet.read_text("utf-8")
    # An app may define its own custom properties; the site's are the fallback.
    variables = {**VARIABLES, **root_variables(css)}

    weak = [f"{p.selector}: {p.color} on {p.background} is {p.ratio:.2f}:1 < {p.needed}"
            for p in declared_pairs(sheet.name, css, variables) if p.ratio < p.needed]

    assert weak == []


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: str(p.relative_to(SRC)))
def test_colours_declared_alone_meet_aa_on_the_page_defaults(sheet):
    css = sheet.read_text("utf-8")
    variables = {**VARIABLES, **root_variables(css)}

    weak = [f"{p.selector}: {p.color} on {p.background} is {p.ratio:.2f}:1 < {p.needed}"
            for p in lone_pairs(sheet.name, css, variables) if p.ratio < p.needed]

    assert weak == []
