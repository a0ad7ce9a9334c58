"""Pages of /thong-ke/: public statistics (rollups only), the late list, the Decision 766
dashboard, open-data downloads; Biểu 06 for staff holding `reports.view`."""

import csv
import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from motcua.accounts.access import Permission, units_where
from motcua.reports import late, public
from motcua.reports.bieu06 import bieu06_report
from motcua.reports.excel import bieu06_workbook
from motcua.reports.forms import MonthsForm, PeriodForm, unit_month_form
from motcua.reports.indicators import average_days_by_procedure, indicators_for, total_points
from motcua.reports.operational import operational_rows
from motcua.reports.periods import Period


def statistics(request: HttpRequest) -> HttpResponse:
    form = unit_month_form(request.GET)
    context = {"form": form}
    if form.is_valid():
        unit, month = form.cleaned_data["unit"], form.cleaned_data["month"]
        months = public.history(month)
        stats = public.unit_months(unit=unit, months=months)
        context.update(unit=unit, month=month, current=stats[-1], history=stats,
                       bars=public.chart_bars(stats), query=_query(unit, month))
    return render(request, "reports/statistics.html", context)


def open_data(request: HttpRequest, fmt: str) -> HttpResponse:
    form = unit_month_form(request.GET)
    if not form.is_valid():
        return render(request, "reports/statistics.html", {"form": form}, status=400)
    unit, month = form.cleaned_data["unit"], form.cleaned_data["month"]
    rows = [s.as_open_data() for s in public.unit_months(unit=unit, months=public.history(month))]
    name = f"thong-ke-{unit.code}-{month:%Y-%m}.{fmt}"
    if fmt == "json":
        body = json.dumps({"don_vi": unit.code, "ten_don_vi": unit.name, "thang": rows},
                          ensure_ascii=False, indent=1)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # Excel opens UTF-8 CSV with Vietnamese correctly with a BOM
        writer = csv.DictWriter(response, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def late_dossiers(request: HttpRequest) -> HttpResponse:
    form = unit_month_form(request.GET)
    context = {"form": form}
    if form.is_valid():
        unit, month = form.cleaned_data["unit"], form.cleaned_data["month"]
        context.update(unit=unit, month=month, rows=late.late_list(unit=unit, month=month),
                       query=_query(unit, month))
    return render(request, "reports/late.html", context)


def indicators(request: HttpRequest) -> HttpResponse:
    form = unit_month_form(request.GET)
    context = {"form": form}
    if form.is_valid():
        unit, month = form.cleaned_data["unit"], form.cleaned_data["month"]
        rows = indicators_for(unit=unit, month=month)
        months = public.history(month)
        past = [(m, total_points(indicators_for(unit=unit, month=m))) for m in months]
        context.update(unit=unit, month=month, rows=rows, total=total_points(rows),
                       past=past, durations=average_days_by_procedure(unit=unit, month=month),
                       query=_query(unit, month))
    return render(request, "reports/indicators.html", context)


@login_required
def bieu06(request: HttpRequest) -> HttpResponse:
    units = units_where(request.user, Permission.REPORTS_VIEW).order_by("path")
    if not units.exists():
        raise PermissionDenied
    form = PeriodForm(request.GET or None, units=units)
    context = {"form": form}
    if form.is_valid():
        data = form.cleaned_data
        report = bieu06_report(unit=data["unit"], period=Period(data["first"], data["last"]),
                               field=data["field"], level=data["level"])
        if request.GET.get("format") == "xlsx":
            response = HttpResponse(bieu06_workbook(report), content_type=XLSX)
            response["Content-Disposition"] = (
                f'attachment; filename="bieu06-{data["unit"].code}.xlsx"')
            return response
        context["report"] = report
    return render(request, "reports/bieu06.html", context)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _query(unit, month) -> str:
    return f"unit={unit.code}&month={month:%m/%Y}"


@login_required
def operational(request: HttpRequest) -> HttpResponse:
    """Postal, fees and satisfaction reports (staff holding `reports.view`)."""
    units = units_where(request.user, Permission.REPORTS_VIEW).order_by("path")
    if not units.exists():
        raise PermissionDenied
    form = MonthsForm(request.GET or None, units=units)
    context = {"form": form}
    if form.is_valid():
        data = form.cleaned_data
        context.update(unit=data["unit"], rows=operational_rows(
            unit=data["unit"], first=data["first"], last=data["last"]))
    return render(request, "reports/operational.html", context)
