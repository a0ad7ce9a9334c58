"""Electronic identifiers of agencies (mã định danh điện tử).

An identifier is the first part of every dossier code (DOMAIN.md §8):
`V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-NNNN`, e.g. `000.00.06.H56-231027-0361`. Its structure comes from
the national technical standard (TT 10/2016/TT-BTTTT): three groups of 3, 2 and 2 characters,
then a group that starts with a letter naming the kind of body (H = province, G = ministry, …)
followed by two more characters. The groups are digits in every real example we have seen, but
we accept upper-case letters in them too: the circular's successors may allocate letters and a
too-strict rule would stop a province from entering its real code. What we reject is garbage
(missing groups, wrong separators, wrong lengths, spaces).
"""

import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

UNIT_IDENTIFIER_RE = re.compile(r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$")

INVALID_UNIT_IDENTIFIER = _(
    "Mã định danh không hợp lệ: cần dạng 000.00.06.H56 "
    "(ba nhóm 3, 2, 2 ký tự và một nhóm bắt đầu bằng chữ cái)."
)

unit_identifier_validator = RegexValidator(
    UNIT_IDENTIFIER_RE, INVALID_UNIT_IDENTIFIER, code="invalid_unit_identifier"
)


def normalise_unit_identifier(raw: str) -> str:
    """Trim and upper-case, so `000.00.06.h56 ` and `000.00.06.H56` are the same unit."""
    return (raw or "").strip().upper()


def is_unit_identifier(raw: str) -> bool:
    return bool(UNIT_IDENTIFIER_RE.match(normalise_unit_identifier(raw)))
