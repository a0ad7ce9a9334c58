"""Files attached to a dossier: checked by their content, stored under a name we choose.

- The type is read from the first bytes (PDF, JPEG, PNG), never from the client's name or
  Content-Type header, which anyone can forge.
- The size is counted while reading, against `settings.MOTCUA_UPLOAD_MAX_BYTES`, whatever size
  the client announced.
- The stored name is random (`dossiers/YYYY/MM/<uuid>.pdf`): a client's path can neither choose
  where the file lands nor collide with another file. The client's name is kept for display
  only, reduced to its last part without control characters.
- Files go through the default storage (local disk under MEDIA_ROOT, outside the web root, or
  S3-compatible storage): pages serve them after an access check, never as public URLs.
"""

import hashlib
import unicodedata
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from motcua.accounts import access
from motcua.accounts.access import Permission
from motcua.core.clock import now
from motcua.dossiers import errors
from motcua.dossiers.models import Dossier, DossierComponent, DossierFile
from motcua.dossiers.statuses import OPEN, Status

FILE_EMPTY = _("Tệp “{name}” không có nội dung; vui lòng chọn lại tệp.")
FILE_TYPE = _("Chỉ nhận tệp PDF, JPEG hoặc PNG; nội dung tệp “{name}” không thuộc các loại này.")
FILE_TOO_LARGE = _("Tệp “{name}” quá lớn: dung lượng tối đa là {limit}.")
PURPOSE_INVALID = _("Mục đích của tệp không hợp lệ.")
COMPONENT_OTHER = _("Thành phần hồ sơ này không thuộc hồ sơ đang xử lý.")
FILE_UNKNOWN = _("Không tìm thấy tệp này trong hồ sơ (có thể tệp đã được xóa).")
NOT_NOW = _("Không thể đính kèm “{purpose}” khi hồ sơ ở trạng thái “{status}”.")
DEFAULT_NAME = "tep-dinh-kem"


@dataclass(frozen=True, slots=True)
class FileKind:
    signature: bytes
    content_type: str
    extension: str


KINDS = (
    FileKind(b"%PDF-", "application/pdf", ".pdf"),
    FileKind(b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    FileKind(b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
_HEAD = max(len(kind.signature) for kind in KINDS)

Purpose = DossierFile.Purpose
S = Status
# Who may attach what, when. The applicant adds the dossier's files while it is theirs to
# complete; the desk scans papers brought to the counter; the competent unit adds working
# documents and the result before approval; the desk may add the signed result's scan.
APPLICANT_MAY = {
    Purpose.SUBMISSION: frozenset({S.DRAFT, S.COMPLETION_REQUESTED}),
    Purpose.SUPPLEMENT: frozenset({S.SUPPLEMENT_REQUESTED}),
}
_DESK_STATUSES = frozenset({S.SUBMITTED, S.COMPLETION_REQUESTED, *OPEN})
_WORK_STATUSES = frozenset({S.PROCESSING, S.AWAITING_APPROVAL})
STAFF_MAY = (
    # (permission, which unit of the dossier, purposes, statuses)
    (Permission.DOSSIER_RECEIVE, "receiving_unit",
     {Purpose.SUBMISSION, Purpose.SUPPLEMENT, Purpose.ATTACHMENT}, _DESK_STATUSES),
    (Permission.DOSSIER_PROCESS, "current_unit", {Purpose.ATTACHMENT, Purpose.RESULT},
     _WORK_STATUSES),
    (Permission.DOSSIER_APPROVE, "competent_unit", {Purpose.ATTACHMENT, Purpose.RESULT},
     _WORK_STATUSES),
    (Permission.DOSSIER_RETURN_RESULT, "receiving_unit", {Purpose.RESULT},
     frozenset({S.RESULT_READY})),
)


def dossier_file_attach(*, dossier: Dossier, actor, upload, purpose: str,
                        component: DossierComponent | int | None = None) -> DossierFile:
    """Check who may attach `purpose` now, check the upload by its content, store it and
    return the row. `component` (a row or its id) must be one of this dossier's components.
    Raises a DossierError (InvalidInput with field "file" for a bad file) and writes nothing
    when refused."""
    if purpose not in Purpose.values:
        raise errors.InvalidInput(PURPOSE_INVALID, field="purpose")
    with transaction.atomic():
        locked = (Dossier.objects.select_for_update(of=("self",))
                  .select_related("receiving_unit", "current_unit", "competent_unit")
                  .get(pk=dossier.pk))
        check_may_attach(locked, actor=actor, purpose=purpose)
        component = _component_of(locked, component)
        shown = display_name(getattr(upload, "name", "") or "")
        kind, size, digest = inspect_upload(upload, shown=shown)
        row = DossierFile(
            dossier=locked, component=component, purpose=purpose,
            name=_with_extension(shown, kind), content_type=kind.content_type, size=size,
            sha256=digest, uploaded_by=actor if getattr(actor, "pk", None) else None,
            uploaded_at=now(),
        )
        # The stored object carries the type its content showed, not the one the browser
        # claimed: an object store serves it with that type (S3's Content-Type).
        upload.content_type = kind.content_type
        row.file.save(f"{uuid.uuid4().hex}{kind.extension}", upload, save=False)
        try:
            row.save()
        except BaseException:
            row.file.delete(save=False)  # no orphan on disk when the row is not written
            raise
    return row


def dossier_file_remove(*, dossier: Dossier, actor, file_id: int) -> None:
    """Remove one of the applicant's own submission files from a draft (or from a dossier the
    desk asked to complete), before it is (re)submitted; the stored file goes once the removal
    is committed. Raises a DossierError otherwise."""
    with transaction.atomic():
        locked = Dossier.objects.select_for_update(of=("self",)).get(pk=dossier.pk)
        if actor is None or locked.owner_id != actor.pk:
            raise errors.ActionForbidden()
        check_may_attach(locked, actor=actor, purpose=DossierFile.Purpose.SUBMISSION)
        row = DossierFile.objects.filter(dossier=locked, pk=file_id,
                                         purpose=DossierFile.Purpose.SUBMISSION).first()
        if row is None:
            raise errors.InvalidInput(FILE_UNKNOWN, field="file")
        stored = row.file
        row.delete()
        transaction.on_commit(lambda: stored.delete(save=False))


def check_may_attach(dossier: Dossier, *, actor, purpose: str) -> None:
    status = Status(dossier.status)
    if actor is not None and dossier.owner_id is not None and actor.pk == dossier.owner_id:
        if status not in APPLICANT_MAY.get(purpose, ()):
            raise _not_now(purpose, status)
        return
    # Staff: refused outright without a permission that could ever attach this purpose here;
    # told "not now" when they hold one but not in this status.
    held = [
        statuses for permission, unit_field, purposes, statuses in STAFF_MAY
        if purpose in purposes
        and access.has_permission(actor, permission, getattr(dossier, unit_field))
    ]
    if not held:
        raise errors.ActionForbidden()
    if not any(status in statuses for statuses in held):
        raise _not_now(purpose, status)


def _component_of(dossier: Dossier, component) -> DossierComponent | None:
    if component is None:
        return None
    component_id = component.pk if isinstance(component, DossierComponent) else component
    found = (DossierComponent.objects.filter(dossier=dossier, pk=component_id).first()
             if isinstance(component_id, int) else None)
    if found is None:
        raise errors.InvalidInput(COMPONENT_OTHER, field="component")
    return found


def _not_now(purpose: str, status: Status) -> errors.ActionNotAllowed:
    return errors.ActionNotAllowed(NOT_NOW, purpose=Purpose(purpose).label, status=status.label)


def inspect_upload(upload, *, shown: str) -> tuple[FileKind, int, str]:
    """(kind, size, sha256) read from the content, refusing as soon as the limit is passed."""
    limit = settings.MOTCUA_UPLOAD_MAX_BYTES
    announced = getattr(upload, "size", None)
    if announced is not None and announced > limit:
        raise _too_large(shown, limit)
    digest, size, head = hashlib.sha256(), 0, b""
    for chunk in upload.chunks():
        size += len(chunk)
        if size > limit:
            raise _too_large(shown, limit)
        if len(head) < _HEAD:
            head += chunk[: _HEAD - len(head)]
        digest.update(chunk)
    if size == 0:
        raise errors.InvalidInput(FILE_EMPTY, field="file", name=shown)
    kind = next((k for k in KINDS if head.startswith(k.signature)), None)
    if kind is None:
        raise errors.InvalidInput(FILE_TYPE, field="file", name=shown)
    return kind, size, digest.hexdigest()


def _too_large(shown: str, limit: int) -> errors.InvalidInput:
    return errors.InvalidInput(FILE_TOO_LARGE, field="file", name=shown, limit=_megabytes(limit))


def _megabytes(amount: int) -> str:
    """10 MB, 1,5 MB, 512 KB — Vietnamese decimal comma."""
    if amount >= 1024 * 1024:
        return f"{round(amount / (1024 * 1024), 1):g} MB".replace(".", ",")
    return f"{max(amount // 1024, 1)} KB"


# Names Windows keeps for devices, whatever the extension: a download must not be one.
WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                             *(f"LPT{i}" for i in range(1, 10))})


def display_name(client_name: str) -> str:
    """The last part of the client's file name, without control or format characters (no
    path, no newline, no right-to-left override), at most 200 characters, never a Windows
    device name."""
    last = client_name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in last if unicodedata.category(ch)[0] != "C")
    shown = unicodedata.normalize("NFC", cleaned.strip(" ."))[:200].strip(" .")
    if shown.split(".", 1)[0].upper() in WINDOWS_DEVICES:
        shown = f"_{shown}"[:200]
    return shown or DEFAULT_NAME


def _with_extension(shown: str, kind: FileKind) -> str:
    """The displayed name ends with the extension of the real content."""
    stem = shown.rsplit(".", 1)[0] if "." in shown else shown
    return f"{stem or DEFAULT_NAME}{kind.extension}"
