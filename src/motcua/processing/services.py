"""The one write of the processing pages that is more than one dossier service: approving with
the signed result's file uploaded in the same form."""

from dataclasses import replace

from django.db import transaction

from motcua.dossiers.files import dossier_file_attach
from motcua.dossiers.inputs import ResultData
from motcua.dossiers.models import Dossier, DossierFile
from motcua.dossiers.services.processing import dossier_approve


def dossier_approve_with_upload(*, dossier: Dossier, actor, result: ResultData, upload=None,
                                expected_version: int | None = None,
                                note: str = "") -> Dossier:
    """Attach the uploaded result file (if any) and approve, in one transaction: a refused
    approval (stale page, wrong status, bad file) leaves neither the file row nor the stored
    file behind."""
    stored: DossierFile | None = None
    try:
        with transaction.atomic():
            if upload is not None:
                stored = dossier_file_attach(dossier=dossier, actor=actor, upload=upload,
                                             purpose=DossierFile.Purpose.RESULT)
                result = replace(result, file_id=stored.pk)
            return dossier_approve(dossier=dossier, actor=actor, results=[result],
                                   expected_version=expected_version, note=note)
    except BaseException:
        if stored is not None:
            stored.file.delete(save=False)  # the row was rolled back; drop the stored bytes
        raise
