"""The printed forms of a dossier (Circular 01/2018/TT-VPCP, DOMAIN.md §1.4), built from the
dossier, its append-only events and the catalog.

Each form is a `FormSpec`: a slug (the URL's last part), a title, a template, the events it is
printed from and a context builder. Which forms a dossier has follows from its history alone:
no Mẫu 04 without an apology (`reschedule` event), no Mẫu 03 without a refusal, and so on
(`forms_available`). Events keep a snapshot of what each form printed when it was issued
(intake_common.receipt_data for Mẫu 01), so a form printed again later says the same thing.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Department, Unit
from motcua.core.clock import local, now
from motcua.documents.header import Header, header_for
from motcua.dossiers.control_sheet import control_sheet
from motcua.dossiers.models import Delivery, Dossier, DossierEvent
from motcua.dossiers.statuses import Action
from motcua.workcal.engine.deadlines import Outcome

RECEIPTS = (Action.RECEIVE, Action.RECEIVE_POSTAL, Action.ACCEPT)
COMPLETION_REQUESTS = (Action.REQUEST_COMPLETION, Action.REQUEST_SUPPLEMENT)

OUTCOME_WORDS = {Outcome.EARLY: "Trước hạn", Outcome.ON_TIME: "Đúng hạn", Outcome.LATE: "Quá hạn"}
REF = "Mẫu số {n} ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018"


@dataclass(frozen=True, slots=True)
class FormSpec:
    slug: str
    title: object  # a lazy translation: shown in pages in the reader's language
    official_title: str  # printed on the form, always Vietnamese
    template: str
    actions: tuple[str, ...]  # the events the form is printed from (the latest one)
    build: Callable[[Dossier, DossierEvent], dict]


# --- helpers -------------------------------------------------------------------------------


def _instant(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _person(user) -> str:
    return (getattr(user, "full_name", "") or str(user)) if user else ""


def _unit(unit_id: int | None, fallback: Unit) -> Unit:
    if unit_id and unit_id != fallback.pk:
        return Unit.objects.select_related("parent").get(pk=unit_id)
    return fallback


def _applicant(dossier: Dossier) -> dict:
    return {
        "name": dossier.applicant_name, "id_number": dossier.applicant_id_number,
        "address": dossier.applicant_address, "phone": dossier.applicant_phone,
        "email": dossier.applicant_email, "submitter": dossier.submitter_name,
        "kind": dossier.applicant_kind,
    }


def _common(dossier: Dossier, event: DossierEvent, *, spec: FormSpec, unit: Unit, n: str,
            issued: datetime | None = None) -> dict:
    header: Header = header_for(
        unit=unit, title=spec.official_title, issued_on=local(issued or event.at).date(),
        code=dossier.code or "", form_ref=REF.format(n=n) if n else "",
    )
    version = dossier.procedure_version
    return {
        "header": header, "dossier": dossier, "event": event, "applicant": _applicant(dossier),
        "procedure_name": version.name, "case": dossier.case, "unit": unit,
        "officer": _person(event.actor), "reason": (event.data or {}).get("reason", ""),
        "desk_name": _desk_name(unit),
    }


def _desk_name(unit: Unit) -> str:
    """"Bộ phận Một cửa – UBND xã Vĩnh Bình": the unit's one-stop desk by name if it has one."""
    desks = unit.departments.filter(kind=Department.Kind.ONE_STOP_DESK)
    desk = desks.values_list("name", flat=True).first()
    return f"{desk} – {unit.name}" if desk else unit.name


# --- the forms -----------------------------------------------------------------------------


def _mau_01(dossier: Dossier, event: DossierEvent) -> dict:
    data = event.data or {}
    context = _common(dossier, event, spec=FORMS["mau-01"], unit=dossier.receiving_unit, n="01")
    version = dossier.procedure_version
    context.update(
        components=data.get("components", []),
        received_at=_instant(data.get("received_at")) or event.at,
        appointment_at=_instant(data.get("appointment_at")),
        time_limit=version.time_limit_description(),
        delivery=Delivery(data.get("delivery") or dossier.delivery).label,
        delivery_address=data.get("delivery_address", ""),
        fee_due=data.get("fee_due", dossier.fee_due),
        fee_paid=data.get("fee_paid", dossier.fee_paid),
        officer=data.get("officer") or _person(event.actor),
        channel=dossier.get_channel_display(),
        postal_waybill=data.get("postal_waybill", ""),
    )
    return context


def _mau_02(dossier: Dossier, event: DossierEvent) -> dict:
    data = event.data or {}
    # Before receipt the desk asks (request_completion); after it the competent unit does
    # (request_supplement, which pauses the clock): each issues the form in its own name.
    unit = _unit(event.unit_id, dossier.receiving_unit)
    context = _common(dossier, event, spec=FORMS["mau-02"], unit=unit, n="02")
    context.update(items=data.get("items", []), request_number=data.get("request_number", 1),
                   after_receipt=event.action == Action.REQUEST_SUPPLEMENT,
                   contact_phone=unit.phone)
    return context


def _mau_03(dossier: Dossier, event: DossierEvent) -> dict:
    context = _common(dossier, event, spec=FORMS["mau-03"], unit=dossier.receiving_unit, n="03")
    context.update(contact_phone=dossier.receiving_unit.phone)
    return context


def _mau_04(dossier: Dossier, event: DossierEvent) -> dict:
    data = event.data or {}
    unit = _unit(event.unit_id, dossier.competent_unit)
    context = _common(dossier, event, spec=FORMS["mau-04"], unit=unit, n="04")
    context.update(
        received_at=dossier.received_at,
        old_appointment_at=_instant(data.get("old_appointment_at")),
        new_appointment_at=_instant(data.get("new_appointment_at")),
        apology_number=data.get("number", 1),
        return_place=_desk_name(dossier.receiving_unit),
    )
    return context


def _mau_05(dossier: Dossier, event: DossierEvent) -> dict:
    sheet = control_sheet(dossier)
    # A living document: printed as of today, with every hand-over recorded so far.
    context = _common(dossier, event, spec=FORMS["mau-05"], unit=dossier.receiving_unit, n="05",
                      issued=now())
    rows = [{"row": row, "outcome": OUTCOME_WORDS.get(row.outcome, "")} for row in sheet.rows]
    context.update(sheet=sheet, rows=rows, received_at=dossier.received_at)
    return context


def _stop_notice(dossier: Dossier, event: DossierEvent) -> dict:
    unit = _unit(event.unit_id, dossier.competent_unit)
    context = _common(dossier, event, spec=FORMS["thong-bao-dung"], unit=unit, n="")
    context.update(received_at=dossier.received_at, stopped_at=event.at)
    return context


FORMS: dict[str, FormSpec] = {spec.slug: spec for spec in (
    FormSpec("mau-01", _("Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)"),
             "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "documents/mau_01.html", RECEIPTS,
             _mau_01),
    FormSpec("mau-02", _("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)"),
             "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "documents/mau_02.html",
             COMPLETION_REQUESTS, _mau_02),
    FormSpec("mau-03", _("Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)"),
             "Phiếu từ chối tiếp nhận giải quyết hồ sơ", "documents/mau_03.html",
             (Action.REFUSE,), _mau_03),
    FormSpec("mau-04", _("Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)"),
             "Phiếu xin lỗi và hẹn lại ngày trả kết quả", "documents/mau_04.html",
             (Action.RESCHEDULE,), _mau_04),
    FormSpec("mau-05", _("Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)"),
             "Phiếu kiểm soát quá trình giải quyết hồ sơ", "documents/mau_05.html", RECEIPTS,
             _mau_05),
    FormSpec("thong-bao-dung", _("Thông báo dừng xử lý hồ sơ"),
             "Thông báo về việc dừng giải quyết hồ sơ", "documents/thong_bao_dung.html",
             (Action.STOP,), _stop_notice),
)}

_ALL_ACTIONS = frozenset(action for spec in FORMS.values() for action in spec.actions)


def _latest(events: Iterable[DossierEvent], actions: tuple[str, ...]) -> DossierEvent | None:
    found = None
    for event in events:
        if event.action in actions:
            found = event
    return found


def _events(dossier: Dossier) -> list[DossierEvent]:
    return list(DossierEvent.objects.filter(dossier=dossier, action__in=_ALL_ACTIONS)
                .select_related("actor").order_by("at", "id"))


def forms_available(dossier: Dossier) -> list[tuple[str, object]]:
    """[(slug, title)] of the forms this dossier has, in the forms' order; one query. Link them
    with `{% url 'documents:dossier-form' dossier.code slug %}`."""
    if not dossier.code:
        return []
    events = _events(dossier)
    return [(spec.slug, spec.title) for spec in FORMS.values()
            if _latest(events, spec.actions) is not None]


@dataclass(frozen=True)
class FormLink:
    slug: str
    title: str
    url: str


def form_links(dossier: Dossier) -> list[FormLink]:
    """The dossier's printable forms as links, for the desk, processing and citizen pages."""
    return [FormLink(slug, str(title), reverse("documents:dossier-form", args=[dossier.code, slug]))
            for slug, title in forms_available(dossier)]


def form_context(dossier: Dossier, slug: str) -> tuple[FormSpec, dict] | None:
    """The form `slug` of `dossier` and its template context, or None when the dossier has no
    such form (unknown slug, or a history without the event it is printed from)."""
    spec = FORMS.get(slug)
    if spec is None or not dossier.code:
        return None
    event = _latest(_events(dossier), spec.actions)
    if event is None:
        return None
    return spec, spec.build(dossier, event)
