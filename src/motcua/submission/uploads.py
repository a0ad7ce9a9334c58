"""Step 3: one upload per component of the dossier, checked by content in
`motcua.dossiers.files` (PDF, JPEG, PNG; at most MOTCUA_UPLOAD_MAX_BYTES).

A file is attached to the draft in the database as soon as it arrives, before anything else
on the page is checked, so a refused neighbour, a lost session or a closed tab never loses it.
A new file for a component replaces the one before (removed only once the new one is stored).
"""

from django.utils.translation import gettext_lazy as _

from motcua.dossiers import errors
from motcua.dossiers.files import dossier_file_attach, dossier_file_remove
from motcua.dossiers.models import Dossier, DossierFile
from motcua.submission.selectors import draft_queryset
from motcua.submission.steps import upload_required

UPLOAD_MISSING = _("Vui lòng tải lên tệp cho giấy tờ bắt buộc này.")


def input_name(component) -> str:
    return f"component-{component.pk}"


def upload_rows(dossier: Dossier, errors_by_component: dict | None = None) -> list[dict]:
    """One row per component: its files (prefetched), whether it must be uploaded, the field's
    name and its error, if any."""
    errors_by_component = errors_by_component or {}
    return [
        {"component": component, "files": list(component.files.all()),
         "required": upload_required(component), "name": input_name(component),
         "error": errors_by_component.get(component.pk)}
        for component in dossier.components.all()
    ]


def uploads_save(*, dossier: Dossier, user, files) -> tuple[list[dict], bool]:
    """Attach every file sent, replacing the component's earlier file; then report the
    components still missing. Returns the rows to show and whether the step is complete."""
    problems: dict[int, str] = {}
    for component in dossier.components.all():
        upload = files.get(input_name(component))
        if upload is None:
            continue
        try:
            dossier_file_attach(dossier=dossier, actor=user, upload=upload,
                                           purpose=DossierFile.Purpose.SUBMISSION,
                                           component=component)
        except errors.DossierError as error:
            problems[component.pk] = error.text
            continue
        for earlier in component.files.all():
            dossier_file_remove(dossier=dossier, actor=user, file_id=earlier.pk)
    fresh = _reload(dossier)
    for component in fresh.components.all():
        if component.pk not in problems and upload_required(component) \
                and not component.files.all():
            problems[component.pk] = str(UPLOAD_MISSING)
    return upload_rows(fresh, problems), not problems


def _reload(dossier: Dossier) -> Dossier:
    return draft_queryset().get(pk=dossier.pk)
