"""Receipt at the counter (channel 1) and from the public postal service (channel 3).

The page works without JavaScript in three steps on one address: find the procedure (accents
and case folded), optionally find the applicant's account by CCCD to pre-fill, then the form
itself. The form carries an idempotency key made when it was shown, so a double submit — two
clicks, a retry after a timeout — creates one dossier (`intake_common.create_once`).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from motcua.audit.services import applicant_search_record
from motcua.catalog.selectors import procedure_get
from motcua.desk import selectors
from motcua.desk.access import NOT_DESK, desk_required, receiving_units
from motcua.desk.forms import ReceiveForm, service_error_to_form
from motcua.dossiers.errors import DossierError
from motcua.dossiers.inputs import ApplicantData, PostalReceipt, ReceivedComponent
from motcua.dossiers.models import ApplicantKind
from motcua.dossiers.services import intake
from motcua.dossiers.statuses import Channel

RECEIVED = _("Đã tiếp nhận hồ sơ {code}. Hãy in giấy tiếp nhận và hẹn trả kết quả (Mẫu 01).")
PROCEDURE_GONE = _("Không tìm thấy thủ tục đã chọn; vui lòng tìm lại.")
NOT_OFFERED = _("Thủ tục này không nhận hồ sơ {channel}.")
ACCOUNT_FOUND = _("Đã điền sẵn thông tin từ tài khoản công dân có số CCCD {cccd}.")
ACCOUNT_NOT_FOUND = _("Không có tài khoản công dân với số CCCD {cccd}; vui lòng nhập thông tin.")
_CHANNEL_WORDS = {Channel.DIRECT: _("trực tiếp"), Channel.POSTAL: _("qua bưu chính công ích")}


@desk_required
def receive(request: HttpRequest) -> HttpResponse:
    return _receive(request, channel=Channel.DIRECT)


@desk_required
def receive_postal(request: HttpRequest) -> HttpResponse:
    return _receive(request, channel=Channel.POSTAL)


def _receive(request: HttpRequest, *, channel: Channel) -> HttpResponse:
    units = receiving_units(request.user)
    if not units:
        raise PermissionDenied(NOT_DESK)
    params = request.POST if request.method == "POST" else request.GET
    code = params.get("procedure") or params.get("thu_tuc") or ""
    context = {"channel": channel, "postal": channel == Channel.POSTAL,
               "desk_nav": "receive-postal" if channel == Channel.POSTAL else "receive",
               "q": request.GET.get("q", "").strip()}
    procedure = procedure_get(code=code) if code else None
    if procedure is None or not _offered(procedure.current_version, channel):
        if code:
            context["procedure_error"] = (PROCEDURE_GONE if procedure is None else str(
                NOT_OFFERED).format(channel=_CHANNEL_WORDS[channel]))
        context["procedures"] = selectors.desk_procedures(q=context["q"], channel=channel)
        return render(request, "desk/receive.html", context, status=422 if code else 200)
    version = procedure.current_version
    context.update(procedure=procedure, version=version)
    if request.method != "POST":
        form = ReceiveForm(initial=_initial(request, procedure, units), version=version,
                           units=units, postal=channel == Channel.POSTAL)
        return render(request, "desk/receive.html", {**context, "form": form})
    form = ReceiveForm(request.POST, version=version, units=units,
                       postal=channel == Channel.POSTAL)
    if form.is_valid():
        try:
            dossier = _call_service(request, form, version=version, units=units)
        except DossierError as error:
            service_error_to_form(form, error)
        else:
            messages.success(request, str(RECEIVED).format(code=dossier.code))
            return redirect("desk:dossier", code=dossier.code)
    return render(request, "desk/receive.html", {**context, "form": form}, status=422)


def _offered(version, channel: Channel) -> bool:
    return bool(version.channel_postal if channel == Channel.POSTAL else version.channel_direct)


def _initial(request: HttpRequest, procedure, units) -> dict:
    initial = {"idempotency_key": ReceiveForm.new_key(), "procedure": procedure.code,
               "unit": units[0].pk}
    for component in procedure.current_version.components.all():
        initial[f"c{component.pk}"] = component.required
    cccd = request.GET.get("cccd", "").strip()
    if cccd:
        citizen = selectors.citizen_by_cccd(cccd=cccd)
        applicant_search_record(request, cccd=cccd, found=citizen)
        if citizen is None:
            messages.info(request, str(ACCOUNT_NOT_FOUND).format(cccd=cccd))
            initial["id_number"] = cccd
        else:
            messages.info(request, str(ACCOUNT_FOUND).format(cccd=cccd))
            initial.update(name=citizen.full_name, id_number=citizen.cccd,
                           phone=citizen.phone or "", email=citizen.email,
                           address=citizen.address, link_account=True)
    return initial


def _applicant(data: dict) -> ApplicantData:
    return ApplicantData(
        name=data["name"], id_number=data["id_number"].strip(), kind=data["kind"],
        address=data["address"], phone=data["phone"].strip(), email=data["email"],
        submitter_name=data["submitter_name"],
        submitter_id_number=data["submitter_id_number"].strip(),
        submitter_phone=data["submitter_phone"].strip(),
        authorisation_note=data["authorisation_note"],
    )


def _components(data: dict) -> list[ReceivedComponent]:
    items = [ReceivedComponent(name=c.name, originals=o, copies=n, component_id=c.pk)
             for c, o, n in data["received"]]
    if data["extra"]:
        name, originals, copies = data["extra"]
        items.append(ReceivedComponent(name=name, originals=originals, copies=copies))
    return items


def _call_service(request: HttpRequest, form: ReceiveForm, *, version, units):
    data = form.cleaned_data
    unit = next(u for u in units if u.pk == data["unit"])
    owner = None
    if data["link_account"] and data["kind"] == ApplicantKind.PERSON and data["id_number"]:
        owner = selectors.citizen_by_cccd(cccd=data["id_number"])
    postal = None
    if form.postal:
        postal = PostalReceipt(waybill=data["waybill"], handed_over_at=data["handed_over_at"])
    return intake.dossier_receive(
        actor=request.user, procedure_version=version, receiving_unit=unit,
        applicant=_applicant(data), components=_components(data), fee_paid=data["fee_paid"],
        delivery=data["delivery"], delivery_address=data["delivery_address"],
        case=data.get("case") or "", postal=postal, owner=owner,
        idempotency_key=data["idempotency_key"],
    )
