"""The online submission wizard, /nop-ho-so/ (issue #4).

Start (`<procedure code>/`) creates a draft; five steps edit it, each saved at once through
the intake services (`dossier_draft_update`, `dossier_file_attach`), so a closed tab, a lost
session or another device never loses what was saved; review submits it (`dossier_submit`),
and the confirmation shows the code. Drafts are fetched only through `dossier_get_for`.
"""

from contextlib import suppress
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from motcua.core.clock import local, now
from motcua.dossiers import errors
from motcua.dossiers.access import For, dossier_get_for
from motcua.dossiers.files import dossier_file_attach, dossier_file_remove
from motcua.dossiers.inputs import ApplicantData
from motcua.dossiers.models import Delivery, DossierFile
from motcua.dossiers.services import intake
from motcua.dossiers.statuses import Status
from motcua.submission import selectors
from motcua.submission.forms import (
    ApplicantForm,
    ContentForm,
    DeliveryForm,
    StartForm,
    SubmitForm,
    add_service_error,
)
from motcua.submission.steps import (
    CONTENT_KEY,
    STEP_NAMES,
    is_on_behalf,
    missing_parts,
    next_step,
    progress,
    resume_step,
    step_url,
)
from motcua.submission.uploads import upload_rows, uploads_save

STALE = _("Bản nháp đã được sửa ở một cửa sổ hoặc thiết bị khác sau khi bạn mở trang này. "
          "Những gì bạn vừa nhập vẫn còn dưới đây và chưa được lưu: hãy kiểm tra rồi bấm lưu "
          "lại.")
CANCELLED = _("Bản nháp này đã được hủy.")
APPLICANT_FIELDS = {
    "applicant.name": "name", "applicant.id_number": "id_number", "applicant.phone": "phone",
    "applicant.email": "email", "applicant.address": "address",
    "applicant.submitter_name": "submitter_name",
    "applicant.submitter_id_number": "submitter_id_number",
    "applicant.submitter_phone": "submitter_phone",
    "applicant.authorisation_note": "authorisation_note", "file": "authorisation",
}


# --- Start and the list of drafts ----------------------------------------------------------


@login_required
def drafts(request):
    return render(request, "submission/drafts.html",
                  {"drafts": selectors.drafts_for(user=request.user)})


@login_required
def start(request, code: str):
    procedure = selectors.procedure_for_submission(code=code)
    if procedure is None:
        raise Http404(_("Không tìm thấy thủ tục này."))
    version = procedure.current_version
    context = {"procedure": procedure, "version": version}
    if not selectors.offered_online(version):
        return render(request, "submission/not_online.html", context)
    units = selectors.receiving_units(version=version, day=local(now()).date())
    cases = [stage.case for stage in version.stages.all()] if version.stage_mode == "cases" \
        else []
    default = selectors.default_unit(user=request.user, units=units)
    form = StartForm(request.POST or None, units=units, cases=cases,
                     initial={"receiving_unit": default.pk if default else None})
    if request.method == "POST" and form.is_valid():
        unit = next(u for u in units if u.pk == form.cleaned_data["receiving_unit"])
        try:
            draft = intake.dossier_draft_create(
                owner=request.user, procedure_version=version, receiving_unit=unit,
                applicant=_profile_applicant(request.user),
                case=form.cleaned_data.get("case", ""),
                idempotency_key=form.cleaned_data["idempotency_key"])
        except errors.DossierError as error:
            context["error"] = error.text
        else:
            return redirect(step_url(draft, "applicant"))
    context.update(form=form, units=units)
    return render(request, "submission/start.html", context)


def _profile_applicant(user) -> ApplicantData:
    """The draft starts with the account's own details (the citizen submitting for themself)."""
    return ApplicantData(name=user.full_name or user.username, id_number=user.cccd or "",
                         address=user.address, phone=user.phone or "", email=user.email)


# --- The steps -----------------------------------------------------------------------------


def draft_step(name: str):
    """Login required; the owner's draft, or: its confirmation once submitted (a back button
    or a second click after submitting lands there), a notice once cancelled, 404 otherwise."""

    def decorate(view):
        @login_required
        @wraps(view)
        def wrapper(request, pk: int, **kwargs):
            dossier = dossier_get_for(request.user, pk, for_=For.OWNER,
                                      queryset=selectors.draft_queryset())
            if dossier.status != Status.DRAFT:
                return _not_a_draft(request, dossier)
            return view(request, dossier, **kwargs)

        wrapper.step = name
        return wrapper

    return decorate


def _not_a_draft(request, dossier):
    if dossier.code:
        return redirect("submission:done", code=dossier.code)
    return render(request, "submission/cancelled.html", {"message": CANCELLED}, status=410)


def _page(request, dossier, step: str, template: str, context: dict):
    context.update(dossier=dossier, version=dossier.procedure_version, step=step,
                   steps=progress(dossier, step), previous=_previous(dossier, step))
    return render(request, template, context)


def _previous(dossier, step: str) -> str | None:
    index = STEP_NAMES.index(step)
    return step_url(dossier, STEP_NAMES[index - 1]) if index else None


def _save(form, dossier, user, fields_map=None, **fields):
    """dossier_draft_update with the version the page was drawn with. Returns the error text
    for the top of the page, or None when saved (or the error was put on its field)."""
    try:
        intake.dossier_draft_update(dossier=dossier, actor=user,
                                    expected_version=form.cleaned_data["version"], **fields)
    except errors.StaleDossier:
        return _stale(form, dossier)
    except errors.InvalidInput as error:
        if add_service_error(form, error, fields_map or {}):
            return ""
        return error.text
    return None


def _stale(form, dossier) -> str:
    """Keep what was typed; the next save overwrites, knowingly, the newer draft."""
    data = form.data.copy()
    data["version"] = str(type(dossier).objects.values_list("version", flat=True)
                          .get(pk=dossier.pk))
    form.data = data
    return str(STALE)


@draft_step("applicant")
def applicant(request, dossier):
    has_authorisation = bool(dossier.loose_files)
    initial = {
        "version": dossier.version, "who": "other" if is_on_behalf(dossier) else "self",
        "name": dossier.applicant_name, "id_number": dossier.applicant_id_number,
        "phone": dossier.applicant_phone, "email": dossier.applicant_email,
        "address": dossier.applicant_address,
        "submitter_name": dossier.submitter_name or request.user.full_name,
        "submitter_id_number": dossier.submitter_id_number or request.user.cccd or "",
        "submitter_phone": dossier.submitter_phone or request.user.phone or "",
        "authorisation_note": dossier.authorisation_note,
    }
    form = ApplicantForm(request.POST or None, request.FILES or None, initial=initial,
                         has_authorisation=has_authorisation)
    error = None
    if request.method == "POST" and form.is_valid():
        error = _applicant_save(form, dossier, request.user)
        if error is None:
            return redirect(step_url(dossier, next_step("applicant")))
    return _page(request, dossier, "applicant", "submission/applicant.html",
                 {"form": form, "error": error, "authorisation_files": dossier.loose_files})


def _applicant_save(form, dossier, user) -> str | None:
    data = form.cleaned_data
    on_behalf = data["who"] == ApplicantForm.OTHER
    upload = data.get("authorisation") if on_behalf else None
    if upload:
        # Attached before the text is saved: a stale page or a refused field never loses it.
        try:
            attached = dossier_file_attach(dossier=dossier, actor=user, upload=upload,
                                           purpose=DossierFile.Purpose.SUBMISSION)
        except errors.InvalidInput as problem:
            add_service_error(form, problem, APPLICANT_FIELDS)
            return ""
        _remove_loose(dossier, user, keep=attached.pk)
    elif not on_behalf:
        _remove_loose(dossier, user)  # an authorisation means nothing once submitting for oneself
    applicant_data = ApplicantData(
        name=data["name"], id_number=data["id_number"], address=data["address"],
        phone=data["phone"], email=data["email"],
        submitter_name=data["submitter_name"] if on_behalf else "",
        submitter_id_number=data["submitter_id_number"] if on_behalf else "",
        submitter_phone=data["submitter_phone"] if on_behalf else "",
        authorisation_note=data["authorisation_note"] if on_behalf else "",
    )
    return _save(form, dossier, user, APPLICANT_FIELDS, applicant=applicant_data)


def _remove_loose(dossier, user, keep: int | None = None) -> None:
    for row in dossier.loose_files:
        if row.pk != keep:
            dossier_file_remove(dossier=dossier, actor=user, file_id=row.pk)


@draft_step("content")
def content(request, dossier):
    version = dossier.procedure_version
    cases = [s.case for s in version.stages.all()] if version.stage_mode == "cases" else []
    form = ContentForm(request.POST or None, cases=cases, initial={
        "version": dossier.version, "content": dossier.form_data.get(CONTENT_KEY, ""),
        "case": dossier.case})
    error = None
    if request.method == "POST" and form.is_valid():
        form_data = {**dossier.form_data, CONTENT_KEY: form.cleaned_data["content"].strip()}
        fields = {"form_data": form_data}
        if cases:
            fields["case"] = form.cleaned_data["case"]
        error = _save(form, dossier, request.user, {"form_data": "content"}, **fields)
        if error is None:
            return redirect(step_url(dossier, next_step("content")))
    return _page(request, dossier, "content", "submission/content.html",
                 {"form": form, "error": error})


@draft_step("uploads")
def uploads(request, dossier):
    if request.method == "POST":
        rows, complete = uploads_save(dossier=dossier, user=request.user, files=request.FILES)
        if complete:
            return redirect(step_url(dossier, next_step("uploads")))
    else:
        rows = upload_rows(dossier)
    return _page(request, dossier, "uploads", "submission/uploads.html", {
        "rows": rows, "errors": [row for row in rows if row["error"]],
        "max_bytes": settings.MOTCUA_UPLOAD_MAX_BYTES,
    })


@require_POST
@draft_step("uploads")
def file_remove(request, dossier, file_id: int):
    # Already gone (a second click): the page shows what is attached now.
    with suppress(errors.DossierError):
        dossier_file_remove(dossier=dossier, actor=request.user, file_id=file_id)
    back = request.POST.get("next") or "uploads"
    return HttpResponseRedirect(step_url(dossier, back if back in ("applicant", "uploads")
                                         else "uploads"))


@draft_step("delivery")
def delivery(request, dossier):
    address = dossier.delivery_address or dossier.applicant_address
    form = DeliveryForm(request.POST or None, initial={
        "version": dossier.version, "delivery": dossier.delivery, "delivery_address": address})
    error = None
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["delivery"]
        kept = form.cleaned_data["delivery_address"].strip() if chosen == Delivery.POST else ""
        error = _save(form, dossier, request.user, {}, delivery=chosen, delivery_address=kept)
        if error is None:
            return redirect(step_url(dossier, next_step("delivery")))
    return _page(request, dossier, "delivery", "submission/delivery.html",
                 {"form": form, "error": error})


@draft_step("review")
def review(request, dossier):
    form = SubmitForm(request.POST or None, initial={"version": dossier.version})
    missing = missing_parts(dossier)
    error = None
    if request.method == "POST" and form.is_valid() and not missing:
        try:
            submitted = intake.dossier_submit(dossier=dossier, actor=request.user,
                                              expected_version=form.cleaned_data["version"])
        except errors.DossierError as problem:
            again = type(dossier).objects.filter(pk=dossier.pk).values("code").get()
            if again["code"]:  # submitted meanwhile by the same owner (a double click)
                return redirect("submission:done", code=again["code"])
            error = _stale(form, dossier) if isinstance(problem, errors.StaleDossier) \
                else problem.text
        else:
            return redirect("submission:done", code=submitted.code)
    at = now()
    return _page(request, dossier, "review", "submission/review.html", {
        "form": form, "error": error, "missing": missing,
        "fee": selectors.fees_expected(dossier=dossier, at=at),
        "timeline": selectors.timeline(dossier=dossier, at=at),
        "rows": upload_rows(dossier),
        "on_behalf": is_on_behalf(dossier),
    })


@login_required
def resume(request, pk: int):
    dossier = dossier_get_for(request.user, pk, for_=For.OWNER,
                              queryset=selectors.draft_queryset())
    if dossier.status != Status.DRAFT:
        return _not_a_draft(request, dossier)
    return redirect(step_url(dossier, resume_step(dossier)))


@require_POST
@draft_step("review")
def cancel(request, dossier):
    # Already submitted or cancelled: the list shows where it stands.
    with suppress(errors.DossierError):
        intake.dossier_cancel(dossier=dossier, actor=request.user)
    return redirect("submission:drafts")


# --- Confirmation --------------------------------------------------------------------------


@login_required
def done(request, code: str):
    dossier = dossier_get_for(request.user, code, for_=For.OWNER,
                              queryset=selectors.draft_queryset())
    return render(request, "submission/done.html", {
        "dossier": dossier, "version": dossier.procedure_version,
        "status_label": Status(dossier.status).label,
        "waiting": dossier.status == Status.SUBMITTED,
        "limit": dossier.procedure_version.time_limit_description(),
        "fee_open": dossier.fee_due > dossier.fee_paid,
        "my_dossier_url": reverse("portal:my-dossier", args=[dossier.code]),
    })
