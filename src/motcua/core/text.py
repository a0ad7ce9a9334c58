"""Vietnamese text folding for search.

Search must find "Đăng ký khai sinh" from `dang ky khai sinh` and "chứng thực" from `CHỨNG THỰC`
on SQLite and PostgreSQL alike, so we fold in Python (one rule for both databases) and store
the folded text beside the original instead of relying on database collations or `unaccent`.
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ is a separate letter, not d + a combining mark, so NFD does not take it apart.
_LETTERS = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics, collapse whitespace."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_LETTERS))
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", bare.casefold()).strip()
