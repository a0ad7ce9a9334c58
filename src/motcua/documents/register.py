"""Mẫu 06 — Sổ theo dõi hồ sơ (the one-stop desk's register, TT 01/2018/TT-VPCP; DOMAIN.md
§1.4): one landscape table over many dossiers of a unit and a period. The desk's register page
selects the rows; this module only prints them."""

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from motcua.core.clock import now
from motcua.documents.header import header_for
from motcua.documents.pdf import render_pdf

TEMPLATE = "documents/mau_06.html"
TITLE = "Sổ theo dõi hồ sơ"
REF = "Mẫu số 06 ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018"


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One line of the register (the columns of Mẫu 06, DOMAIN.md §1.4). Instants are aware
    datetimes (printed dd/mm/yyyy in Vietnam's time) or None (left blank)."""

    code: str  # Mã hồ sơ
    procedure_name: str  # Tên thủ tục hành chính
    applicant_name: str  # Tên cá nhân, tổ chức
    received_at: datetime | None  # Ngày nhận hồ sơ
    appointment_at: datetime | None = None  # Hẹn trả kết quả
    copies: int = 1  # Số lượng hồ sơ (bộ)
    applicant_address: str = ""  # Địa chỉ
    applicant_phone: str = ""  # Số điện thoại
    competent_unit: str = ""  # Cơ quan chủ trì giải quyết
    forwarded_at: datetime | None = None  # Chuyển hồ sơ đến cơ quan giải quyết
    result_received_at: datetime | None = None  # Nhận kết quả từ cơ quan giải quyết
    returned_at: datetime | None = None  # Trả kết quả cho cá nhân, tổ chức
    signed_by: str = ""  # Ký nhận (who collected; blank leaves room for a signature)
    note: str = ""  # Ghi chú (e.g. "Quá hạn", "Dừng xử lý")


_NAMES = tuple(f.name for f in fields(RegisterRow))


def register_row(source: Any) -> RegisterRow:
    """A RegisterRow from a dict or any object with (some of) its attribute names; missing
    optional fields take their defaults, unknown keys are ignored."""
    if isinstance(source, RegisterRow):
        return source
    if isinstance(source, dict):
        values = {name: source[name] for name in _NAMES if name in source}
    else:
        values = {name: getattr(source, name) for name in _NAMES if hasattr(source, name)}
    return RegisterRow(**values)


def register_pdf(*, unit, rows, date_from: date, date_to: date) -> bytes:
    """Mẫu 06 of `unit` (a motcua.agencies Unit: its name and its parent's head the page) for
    the dossiers received from `date_from` to `date_to` (both included, printed in the title),
    one line per item of `rows`, in the given order (STT counts from 1).

    Each row is a dict, an object or a `RegisterRow` with these fields (only the first four are
    required):

    - `code` (str): the dossier code, Mã hồ sơ;
    - `procedure_name` (str): Tên thủ tục hành chính (the procedure version's name);
    - `applicant_name` (str): Tên cá nhân, tổ chức;
    - `received_at` (datetime | None): when the desk received it;
    - `appointment_at` (datetime | None): the appointment for the result (Hẹn trả kết quả);
    - `copies` (int, default 1): Số lượng hồ sơ (bộ);
    - `applicant_address`, `applicant_phone` (str): Địa chỉ, số điện thoại;
    - `competent_unit` (str): Cơ quan chủ trì giải quyết (a name);
    - `forwarded_at` (datetime | None): Chuyển hồ sơ đến cơ quan giải quyết;
    - `result_received_at` (datetime | None): Nhận kết quả từ cơ quan giải quyết;
    - `returned_at` (datetime | None): Trả kết quả cho cá nhân, tổ chức;
    - `signed_by` (str): Ký nhận — who collected the result (blank: room to sign);
    - `note` (str): Ghi chú.

    Dates print as dd/mm/yyyy in Vietnam's time. Returns the PDF (A4 landscape)."""
    header = header_for(unit=unit, title=TITLE, issued_on=now().date(), form_ref=REF)
    lines = [register_row(row) for row in rows]
    return render_pdf(template_name=TEMPLATE, context={
        "header": header, "unit": unit, "rows": lines, "date_from": date_from,
        "date_to": date_to,
    })
