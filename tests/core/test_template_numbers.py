"""Numbers inside HTML attributes are identifiers, not figures: with Vietnamese formats a
primary key of 2367 would print as "2.367" and break the form or the link (a bug found when
primary keys passed 1,000). Every integer-looking variable in an attribute is unlocalized."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "motcua"
ATTRIBUTE = re.compile(r'[a-z-]+="([^"]*)"')
VARIABLE = re.compile(r"\{\{\s*([^}]+?)\s*\}\}")
# Variables whose value is a number: primary keys, ids, page numbers, a choice field's value.
NUMERIC = re.compile(r"(\.pk|\.id|_id|page\.number|page_number|unit\.value)\b")
SAFE_FILTERS = ("unlocalize", "stringformat")


def test_numbers_in_attributes_are_unlocalized():
    offenders = []
    for template in SRC.rglob("templates/**/*.html"):
        for line_no, line in enumerate(template.read_text("utf-8").splitlines(), 1):
            for attribute in ATTRIBUTE.findall(line):
                for expression in VARIABLE.findall(attribute):
                    name = expression.split("|")[0]
                    if name.endswith(("id_for_label", "auto_id")):
                        continue
                    if NUMERIC.search(name) and not any(f in expression for f in SAFE_FILTERS):
                        offenders.append(f"{template.relative_to(SRC)}:{line_no}: {expression}")
    assert offenders == []
