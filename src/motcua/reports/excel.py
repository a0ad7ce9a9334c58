"""Biểu số 06 as an Excel workbook in the official layout (Circular 01/2020/TT-VPCP, Appendix).

Title block, a three-row heading with merged cells, the row of column numbers (1)…(13), then
the total and, per level (I, II…), the level's row and one row per field. The page, the
download and `motcua report bieu06` all write it through `bieu06_workbook`.
"""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from motcua.reports.bieu06 import COLUMNS, Counts, Report

TITLE = ("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ "
         "TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH")
FORM = "Biểu số 06/VPCP/KSTT"
BASIS = "Ban hành theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020"
ROMAN = ("I", "II", "III", "IV", "V", "VI")
HEADING_ROW = 8  # first of the three heading rows
# (first row offset, last row offset, first column, last column, text) of the heading cells.
HEADING = (
    (0, 2, 1, 1, "STT"),
    (0, 2, 2, 2, "Lĩnh vực, công việc giải quyết theo cấp"),
    (0, 0, 3, 6, "Số hồ sơ nhận giải quyết"),
    (1, 2, 3, 3, "Tổng số"),
    (1, 1, 4, 5, "Trong kỳ"),
    (2, 2, 4, 4, "Trực tuyến"),
    (2, 2, 5, 5, "Trực tiếp, dịch vụ bưu chính"),
    (1, 2, 6, 6, "Từ kỳ trước"),
    (0, 0, 7, 10, "Số hồ sơ đã giải quyết"),
    (1, 2, 7, 7, "Tổng số"),
    (1, 2, 8, 8, "Trước hạn"),
    (1, 2, 9, 9, "Đúng hạn"),
    (1, 2, 10, 10, "Quá hạn"),
    (0, 0, 11, 13, "Số hồ sơ đang giải quyết"),
    (1, 2, 11, 11, "Tổng số"),
    (1, 2, 12, 12, "Trong hạn"),
    (1, 2, 13, 13, "Quá hạn"),
)
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def bieu06_workbook(report: Report, *, receiver: str = "") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Bieu06"
    _title_block(sheet, report, receiver)
    _heading(sheet)
    row = HEADING_ROW + 4
    row = _data_row(sheet, row, "", "Tổng cộng", report.total, bold=True)
    for n, group in enumerate(report.groups):
        label = ROMAN[n] if n < len(ROMAN) else str(n + 1)
        row = _data_row(sheet, row, label, group.level.name, group.counts, bold=True)
        for i, field_row in enumerate(group.rows, start=1):
            row = _data_row(sheet, row, str(i), field_row.field.name, field_row.counts)
    _widths(sheet)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _title_block(sheet, report: Report, receiver: str) -> None:
    last = get_column_letter(COLUMNS)
    sheet["A1"], sheet["A2"] = FORM, BASIS
    sheet["A1"].font = Font(bold=True)
    sheet.merge_cells(f"A3:{last}3")
    sheet["A3"] = TITLE
    sheet["A3"].font = Font(bold=True, size=13)
    sheet["A3"].alignment = CENTRE
    period = report.period
    sheet.merge_cells(f"A4:{last}4")
    sheet["A4"] = f"Kỳ báo cáo: từ ngày {period.first:%d/%m/%Y} đến ngày {period.last:%d/%m/%Y}"
    sheet["A4"].alignment = CENTRE
    sheet["A5"] = f"Đơn vị báo cáo: {report.unit.name}"
    sheet["A6"] = f"Đơn vị nhận báo cáo: {receiver}"
    filters = [f"Lĩnh vực: {report.field.name}" if report.field else "",
               f"Cấp: {report.level.name}" if report.level else ""]
    sheet["A7"] = "   ".join(["Đơn vị tính: Số hồ sơ TTHC", *filter(None, filters)])


def _heading(sheet) -> None:
    for top, bottom, first, last, text in HEADING:
        r1, r2 = HEADING_ROW + top, HEADING_ROW + bottom
        cell = sheet.cell(row=r1, column=first, value=text)
        cell.font, cell.alignment = Font(bold=True), CENTRE
        if (r1, first) != (r2, last):
            sheet.merge_cells(start_row=r1, start_column=first, end_row=r2, end_column=last)
        for r in range(r1, r2 + 1):
            for c in range(first, last + 1):
                sheet.cell(row=r, column=c).border = BOX
    for column in range(1, COLUMNS + 1):
        cell = sheet.cell(row=HEADING_ROW + 3, column=column, value=f"({column})")
        cell.alignment, cell.border, cell.font = CENTRE, BOX, Font(italic=True)


def _data_row(sheet, row: int, number: str, label: str, counts: Counts, *, bold=False) -> int:
    values = [number, label, *counts.columns()]
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.border, cell.font = BOX, Font(bold=bold)
        if column != 2:
            cell.alignment = CENTRE
    return row + 1


def _widths(sheet) -> None:
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 40
    for column in range(3, COLUMNS + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 12
    sheet.row_dimensions[HEADING_ROW + 2].height = 45
