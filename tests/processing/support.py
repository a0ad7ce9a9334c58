"""Helpers of the processing page tests: the action URL and a form post as the page sends it."""

from motcua.dossiers.models import Dossier


def page_url(dossier: Dossier) -> str:
    return f"/xu-ly/ho-so/{dossier.code}/"


def post_action(client, dossier: Dossier, action: str, version: int | None = None, **fields):
    """POST the `action` form of the dossier page, with the page's version unless told."""
    data = {f"{action}-expected_version": dossier.version if version is None else version}
    data |= {f"{action}-{name}": value for name, value in fields.items()}
    return client.post(f"{page_url(dossier)}{action}/", data)


def reread(dossier: Dossier) -> Dossier:
    return Dossier.objects.get(pk=dossier.pk)
