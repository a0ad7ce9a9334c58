"""The letterhead of a printed form: issuing unit and its parent, number, place and date, the
dossier code and the QR code to the public look-up (documents/base_form.html)."""

import re
from dataclasses import dataclass
from datetime import date

from motcua.agencies.models import Unit
from motcua.documents.pdf import public_lookup_url, qr_data_uri

# Prefixes that name the kind of a unit rather than its place ("UBND xã Vĩnh Bình" → "Vĩnh
# Bình"), for the place in the date line when the unit has no short name.
_KIND_PREFIX = re.compile(
    r"^(ủy ban nhân dân|uỷ ban nhân dân|ubnd|công an|trung tâm phục vụ hành chính công)?\s*"
    r"(tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)?\s+",
    re.IGNORECASE,
)
_SAMPLE_SUFFIX = re.compile(r"\s*\((mẫu|sample)\)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Header:
    title: str
    unit_name: str
    parent_name: str
    place: str
    issued_on: date
    number: str = ""
    code: str = ""
    lookup_url: str = ""
    qr: str = ""
    form_ref: str = ""

    @property
    def date_line(self) -> str:
        return date_line(self.place, self.issued_on)


def date_line(place: str, day: date) -> str:
    """"Vĩnh Bình, ngày 05 tháng 02 năm 2026": Decree 30/2020/NĐ-CP appendix I writes days
    below 10 and the months January and February with a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    text = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{place}, {text}" if place else text.capitalize()


def place_of(unit: Unit) -> str:
    """The place a unit writes in its date line: a committee's short name ("Vĩnh Bình"); an
    agency writes its parent's place; else the name without its kind."""
    if unit.kind != Unit.Kind.COMMITTEE and unit.parent_id:
        return place_of(unit.parent)
    name = unit.short_name or _KIND_PREFIX.sub("", unit.name, count=1)
    return _SAMPLE_SUFFIX.sub("", name).strip()


def header_for(*, unit: Unit, title: str, issued_on: date, code: str = "", number: str = "",
               form_ref: str = "") -> Header:
    """The header of a form issued by `unit` on `issued_on`, about the dossier `code` (with the
    QR code to its public look-up) if given."""
    url = public_lookup_url(code) if code else ""
    return Header(
        title=title, unit_name=unit.name, parent_name=unit.parent.name if unit.parent_id else "",
        place=place_of(unit), issued_on=issued_on, number=number, code=code, lookup_url=url,
        qr=qr_data_uri(url) if url else "", form_ref=form_ref,
    )
