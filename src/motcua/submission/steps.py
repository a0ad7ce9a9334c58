"""The wizard's steps, in order, and what makes a draft ready to submit."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import Dossier

CONTENT_KEY = "noi_dung"  # form_data key of the free "nội dung yêu cầu" text


@dataclass(frozen=True)
class Step:
    name: str  # URL name in the "submission" namespace
    title: Promise


STEPS = (
    Step("applicant", _("Người yêu cầu")),
    Step("content", _("Nội dung yêu cầu")),
    Step("uploads", _("Giấy tờ đính kèm")),
    Step("delivery", _("Nhận kết quả")),
    Step("review", _("Xem lại và nộp")),
)
STEP_NAMES = [step.name for step in STEPS]


def step_url(dossier: Dossier, name: str) -> str:
    return reverse(f"submission:{name}", args=[dossier.pk])


def next_step(name: str) -> str:
    return STEP_NAMES[min(STEP_NAMES.index(name) + 1, len(STEP_NAMES) - 1)]


def progress(dossier: Dossier, current: str) -> list[dict]:
    """The step list shown on every page: number, title, link, whether it is the current one."""
    return [
        {"number": i, "title": step.title, "url": step_url(dossier, step.name),
         "current": step.name == current}
        for i, step in enumerate(STEPS, start=1)
    ]


def upload_required(dossier_component) -> bool:
    """A component the citizen must upload: required by the catalog and handed in as paper
    (an original or a copy). A "xuất trình" item (0 originals, 0 copies: an ID card shown at
    the counter) is checked against the account's identity instead, so its upload is optional."""
    c = dossier_component.component
    if c is None:
        return False
    return c.required and (c.originals + c.copies) > 0


def is_on_behalf(dossier: Dossier) -> bool:
    return bool(dossier.submitter_name)


def missing_parts(dossier: Dossier) -> list[dict]:
    """What still stops the submission, each with the step that fixes it. Reads the
    prefetched components, files and loose files of `draft_queryset`."""
    missing = []
    if not (dossier.applicant_name and dossier.applicant_id_number and dossier.applicant_address):
        missing.append({"text": _("Chưa khai đủ thông tin người yêu cầu (họ tên, số CCCD, "
                                  "địa chỉ)."), "url": step_url(dossier, "applicant")})
    if is_on_behalf(dossier) and not dossier.loose_files:
        missing.append({"text": _("Nộp thay nhưng chưa tải lên văn bản ủy quyền."),
                        "url": step_url(dossier, "applicant")})
    if not str(dossier.form_data.get(CONTENT_KEY, "")).strip():
        missing.append({"text": _("Chưa nhập nội dung yêu cầu."),
                        "url": step_url(dossier, "content")})
    for component in dossier.components.all():
        if upload_required(component) and not component.files.all():
            missing.append({"text": _("Chưa tải lên: %(name)s") % {"name": component.name},
                            "url": step_url(dossier, "uploads") + f"#component-{component.pk}"})
    return missing


def resume_step(dossier: Dossier) -> str:
    """Where "Tiếp tục soạn" leads: the first step that still misses something, else review."""
    missing = missing_parts(dossier)
    if not missing:
        return "review"
    first = missing[0]["url"].split("#")[0]
    return next(name for name in STEP_NAMES if step_url(dossier, name) == first)
