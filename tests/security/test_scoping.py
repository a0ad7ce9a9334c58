"""Lists stay within their reader's scope: the queue, register, inbox, leader's overview, the
citizen's list and the API's lists never show the commune's dossiers (their codes, their
applicant) to someone who may not see them — another citizen, another commune's desk, the
province's system administrator or postal operator (docs/access.md: nothing reaches sideways,
administration holds no dossier permission)."""

import pytest

from tests.security.scene import SECRET_NAME

LISTS = (
    "/", "/ho-so/", "/nop-ho-so/", "/tai-khoan/", "/buu-chinh/don/",
    "/mot-cua/", "/mot-cua/?tab=da-tiep-nhan", "/mot-cua/?tab=co-ket-qua",
    "/mot-cua/so-theo-doi/", "/mot-cua/tra-ket-qua/",
    "/xu-ly/", "/xu-ly/?pham-vi=unit", "/xu-ly/lanh-dao/",
    "/thong-ke/bieu-06/", "/thong-ke/bao-cao/",
    "/api/v1/dossiers/inbox", "/api/v1/dossiers/inbox?scope=unit",
    "/api/v1/dossiers/desk-queue", "/api/v1/dossiers/mine",
)
OUTSIDERS = ("other_citizen", "other_desk", "sysadmin", "postal")


def _codes(scene) -> list[str]:
    return [d.code for d in scene.dossiers.values() if d.code]


@pytest.mark.parametrize("actor", OUTSIDERS)
@pytest.mark.parametrize("path", LISTS)
def test_lists_show_nothing_of_dossiers_out_of_scope(scene, as_actor, path, actor):
    response = as_actor(actor).get(path)
    assert response.status_code in (200, 403), response.status_code
    text = response.content.decode()
    shown = [code for code in _codes(scene) if code in text]
    assert shown == [] and SECRET_NAME not in text


@pytest.mark.parametrize(("actor", "path", "key"), [
    ("owner", "/ho-so/", "processing"),
    ("desk", "/mot-cua/", "submitted"),
    ("desk", "/mot-cua/so-theo-doi/", "received"),
    ("specialist", "/xu-ly/", "processing"),
    ("desk", "/api/v1/dossiers/desk-queue", "submitted"),
    ("owner", "/api/v1/dossiers/mine", "returned"),
])
def test_the_same_lists_show_them_to_those_in_scope(scene, as_actor, actor, path, key):
    """The control: the check above would see a code if one were there."""
    response = as_actor(actor).get(path)
    assert response.status_code == 200
    assert scene.dossiers[key].code in response.content.decode()
