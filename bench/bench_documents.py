"""Printed forms (issue #5): milliseconds per PDF page for each form against the 300 ms/page
ceiling the issue sets, and the ratio to a bare WeasyPrint render measured in the same run.

`run()` loads the demo's sample data into the throwaway database, inside one transaction rolled
back at the end (units, people, the shipped catalog and the 42 sample dossiers made through the
services, so every form has a real history: a refusal, a completion request, an apology, a
stopped dossier, liên thông hand-overs). For each form it picks the sample dossier with that
form (for Mẫu 05 the one with the most hand-overs) and times what the view does — build the
context from the dossier's events (`form_context`) and render the PDF (`render_pdf`) — divided
by the PDF's pages. The register (Mẫu 06) is timed with 50 rows.

The ceiling is WeasyPrint rendering a one-line HTML page with no stylesheet (`bare_page_ms`):
the fixed cost of a PDF document on this machine. Variants alternate, each timed ROUNDS times
after a warm-up; the best round counts (README: "keep the best of a few rounds"). Times are the
process's CPU time (`time.process_time`), which on an idle machine is the wall time and on a
shared one leaves out the time other processes held the core.

* `documents.<slug>_ms_per_page` — target ≤ 300 ms (`better: lower`), ceiling the bare page,
  ratio = value / bare page;
* `documents.bare_page_ms` — the ceiling itself, for information.
"""

import io
import sys
import time
from datetime import timedelta

from django.core.management import call_command
from django.db import transaction
from django.db.models import Count
from pypdf import PdfReader
from weasyprint import HTML

from motcua.core.clock import now
from motcua.documents.forms import FORMS, form_context
from motcua.documents.pdf import render_pdf
from motcua.documents.register import register_pdf
from motcua.dossiers.control_sheet import HAND_OVERS
from motcua.dossiers.models import Dossier, DossierEvent

TARGET_MS = 300.0
ROUNDS = 5
WARM_UP = 1
REGISTER_ROWS = 50


class _Rollback(Exception):
    pass


def _pages(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


def _bare() -> bytes:
    return HTML(string="<p>Xin chào</p>").write_pdf()


def _form(dossier: Dossier, slug: str):
    def render() -> bytes:
        spec, context = form_context(dossier, slug)
        return render_pdf(template_name=spec.template, context=context)
    return render


def _dossier_for(slug: str) -> Dossier | None:
    spec = FORMS[slug]
    events = DossierEvent.objects.filter(action__in=spec.actions)
    if slug == "mau-05":
        best = (Dossier.objects.filter(pk__in=events.values("dossier"))
                .annotate(n=Count("events", filter=_hand_overs())).order_by("-n", "pk").first())
        return best
    event = events.order_by("dossier_id").first()
    return event.dossier if event else None


def _hand_overs():
    from django.db.models import Q

    return Q(events__action__in=HAND_OVERS)


def _register(unit):
    dossiers = list(Dossier.objects.filter(receiving_unit=unit, received_at__isnull=False)
                    .select_related("procedure_version", "competent_unit")[:REGISTER_ROWS])
    rows = [{"code": d.code, "procedure_name": d.procedure_version.name,
             "applicant_name": d.applicant_name, "received_at": d.received_at,
             "appointment_at": d.appointment_at, "applicant_address": d.applicant_address,
             "applicant_phone": d.applicant_phone, "competent_unit": d.competent_unit.name,
             "returned_at": d.returned_at}
            for d in dossiers]
    rows = (rows * (REGISTER_ROWS // max(1, len(rows)) + 1))[:REGISTER_ROWS]
    today = now().date()

    def render() -> bytes:
        return register_pdf(unit=unit, rows=rows, date_from=today - timedelta(days=90),
                            date_to=today)
    return render


def _measure(variants: dict, rounds: int) -> dict[str, tuple[float, int]]:
    """Best seconds per variant and its pages, variants alternating."""
    pages = {}
    for name, render in variants.items():
        for _ in range(WARM_UP):
            pages[name] = _pages(render())
    best = {name: float("inf") for name in variants}
    for _ in range(rounds):
        for name, render in variants.items():
            # CPU time of this process: rendering is single-threaded Python and pango in
            # process, so on an idle machine it equals the wall time, and on a shared one it
            # does not count the time other processes held the core.
            started = time.process_time()
            render()
            best[name] = min(best[name], time.process_time() - started)
    return {name: (best[name], pages[name]) for name in variants}


def run(*, rounds: int = ROUNDS) -> list[dict]:
    figures: list[dict] = []
    try:
        with transaction.atomic():
            call_command("demo_load", stdout=io.StringIO(), stderr=io.StringIO())
            variants = {"bare_page": _bare}
            for slug in FORMS:
                dossier = _dossier_for(slug)
                if dossier is None:
                    print(f"documents: no sample dossier has {slug}", file=sys.stderr)
                    continue
                variants[slug] = _form(dossier, slug)
            unit = Dossier.objects.filter(code__isnull=False).first().receiving_unit
            variants["mau-06"] = _register(unit)
            figures = _figures(_measure(variants, rounds))
            raise _Rollback
    except _Rollback:
        pass
    return figures


def _figures(measured: dict[str, tuple[float, int]]) -> list[dict]:
    bare_ms = measured["bare_page"][0] * 1000
    figures = [{"name": "documents.bare_page_ms", "value": round(bare_ms, 1), "unit": "ms",
                "target": None, "ceiling": None, "ratio": None}]
    for name, (seconds, pages) in measured.items():
        if name == "bare_page":
            continue
        per_page = seconds * 1000 / pages
        print(f"documents: {name}: {seconds * 1000:.1f} ms for {pages} page(s)", file=sys.stderr)
        figures.append({
            "name": f"documents.{name.replace('-', '_')}_ms_per_page",
            "value": round(per_page, 1), "unit": "ms", "target": TARGET_MS,
            "ceiling": round(bare_ms, 1), "ratio": round(per_page / bare_ms, 2),
            "better": "lower",
        })
    return figures


