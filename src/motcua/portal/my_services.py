"""The citizen's answers that carry files: the supplement asked during processing (status 5,
`dossier_supplement`) and the completion asked by the desk before acceptance (Mẫu 02,
`dossier_resubmit`). Each attaches the uploads through `dossier_file_attach` (checked by
content) and then calls the dossier service, all in one transaction: if the service refuses
(someone changed the dossier meanwhile, a wrong status), no file row stays and the stored
files are removed, so a refused answer leaves nothing behind."""

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from motcua.dossiers import errors
from motcua.dossiers.files import dossier_file_attach
from motcua.dossiers.models import Dossier, DossierFile
from motcua.dossiers.services.intake import dossier_resubmit
from motcua.dossiers.services.processing import dossier_supplement
from motcua.dossiers.statuses import Status

FILES_REQUIRED = _("Vui lòng chọn ít nhất một tệp (PDF, JPEG hoặc PNG) để bổ sung.")
TOO_MANY_FILES = _("Mỗi lần gửi tối đa {limit} tệp.")
MAX_FILES = 10


def dossier_answer_supplement(*, dossier: Dossier, actor, uploads: Sequence, note: str = "",
                              expected_version: int | None = None) -> Dossier:
    """Attach the supplement files and resume the clock (DESIGN.md "Pause")."""

    def finish(stored: list[DossierFile]) -> Dossier:
        return dossier_supplement(dossier=dossier, actor=actor, note=note.strip(),
                                  file_ids=[row.pk for row in stored],
                                  expected_version=expected_version)

    return _with_files(dossier=dossier, actor=actor, uploads=uploads,
                       purpose=DossierFile.Purpose.SUPPLEMENT, expected_version=expected_version,
                       finish=finish)


def dossier_answer_completion(*, dossier: Dossier, actor, uploads: Sequence,
                              expected_version: int | None = None) -> Dossier:
    """Attach the completed documents and submit again (Mẫu 02 answered): a new acceptance
    deadline runs from now."""

    def finish(_stored: list[DossierFile]) -> Dossier:
        return dossier_resubmit(dossier=dossier, actor=actor, expected_version=expected_version)

    return _with_files(dossier=dossier, actor=actor, uploads=uploads,
                       purpose=DossierFile.Purpose.SUBMISSION,
                       expected_version=expected_version, finish=finish)


def _with_files(*, dossier, actor, uploads, purpose, expected_version, finish) -> Dossier:
    uploads = [upload for upload in uploads if upload]
    if not uploads:
        raise errors.InvalidInput(FILES_REQUIRED, field="files")
    if len(uploads) > MAX_FILES:
        raise errors.InvalidInput(TOO_MANY_FILES, field="files", limit=MAX_FILES)
    _check_version(dossier, expected_version)
    stored: list[DossierFile] = []
    try:
        with transaction.atomic():
            for upload in uploads:
                stored.append(dossier_file_attach(dossier=dossier, actor=actor, upload=upload,
                                                  purpose=purpose))
            return finish(stored)
    except BaseException:
        for row in stored:  # the rows rolled back; their stored files must go too
            row.file.delete(save=False)
        raise


def _check_version(dossier: Dossier, expected_version: int | None) -> None:
    """Refuse a stale page before reading any upload (the service checks again under its
    row lock)."""
    if expected_version is None:
        return
    current = Dossier.objects.filter(pk=dossier.pk).values_list("version", "status").first()
    if current is not None and current[0] != expected_version:
        raise errors.StaleDossier(status=Status(current[1]).label)
