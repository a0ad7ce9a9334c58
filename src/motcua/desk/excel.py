"""The register (Mẫu 06) as an Excel workbook: the official headings, one row per dossier,
dates as real dates shown dd/mm/yyyy (Vietnam's time), as offices file their registers."""

from datetime import datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from motcua.core.clock import local
from motcua.desk.register import DATE_COLUMNS, DATE_GROUP, HEADINGS, RegisterRow

DATE_FORMAT = "dd/mm/yyyy"
TITLE = "SỔ THEO DÕI HỒ SƠ"
_WIDTHS = (6, 28, 40, 10, 26, 34, 28, 12, 12, 14, 14, 14, 24, 30)
HEADER_ROW = 5  # the row of the column headings; the group heading is the row above


def _day(instant: datetime | None):
    return local(instant).date() if instant else None


def _values(row: RegisterRow) -> list:
    d = row.dossier
    return [
        row.number, d.code, d.procedure_version.name, 1, d.applicant_name, row.contact,
        d.competent_unit.name, _day(d.received_at), _day(d.appointment_at),
        _day(row.forwarded_at), _day(row.result_at), _day(d.returned_at), row.collected_by,
        "; ".join(row.notes),
    ]


def register_workbook(rows: list[RegisterRow], *, unit_names: str, period: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "So theo doi"
    sheet["A1"] = unit_names
    sheet["A2"] = TITLE
    sheet["A2"].font = Font(bold=True, size=14)
    sheet["A3"] = period
    group = sheet.cell(row=HEADER_ROW - 1, column=DATE_COLUMNS[0] + 1, value=str(DATE_GROUP))
    group.alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=HEADER_ROW - 1, start_column=DATE_COLUMNS[0] + 1,
                      end_row=HEADER_ROW - 1, end_column=DATE_COLUMNS[1])
    for column, heading in enumerate(HEADINGS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=str(heading))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS[column - 1]
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(_values(row), start=1):
            cell = sheet.cell(row=HEADER_ROW + offset, column=column, value=value)
            if DATE_COLUMNS[0] < column <= DATE_COLUMNS[1]:
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    out = BytesIO()
    book.save(out)
    return out.getvalue()
