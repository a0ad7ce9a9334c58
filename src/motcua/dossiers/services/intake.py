"""Intake: how a dossier enters Motcua — online (draft, submission, the desk's answer) and at
the desk (in person, by post). One import point for pages, the API and the demo loader; the
services live in `intake_online` and `intake_desk`, their shared checks in `intake_common`.
Files are attached with `motcua.dossiers.files.dossier_file_attach`.
"""

from motcua.dossiers.services.intake_desk import dossier_receive, dossier_refuse_at_counter
from motcua.dossiers.services.intake_online import (
    dossier_accept,
    dossier_cancel,
    dossier_draft_create,
    dossier_draft_update,
    dossier_refuse,
    dossier_request_completion,
    dossier_resubmit,
    dossier_submit,
    dossier_submit_new,
)

__all__ = [
    "dossier_accept",
    "dossier_cancel",
    "dossier_draft_create",
    "dossier_draft_update",
    "dossier_receive",
    "dossier_refuse",
    "dossier_refuse_at_counter",
    "dossier_request_completion",
    "dossier_resubmit",
    "dossier_submit",
    "dossier_submit_new",
]
