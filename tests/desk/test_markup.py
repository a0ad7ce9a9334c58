"""The desk's pages for everyone: every control labelled, the English interface translated,
the queue's cost independent of its length."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from motcua.desk import selectors
from motcua.dossiers.statuses import Status
from tests.factories.dossiers import dossier_in
from tests.portal.markup import find_all, parse


def _unlabelled(html: str) -> list[str]:
    elements = parse(html)
    labelled = {e.attrs.get("for") for e in find_all(elements, "label")}
    controls = [e for e in elements if e.tag in {"input", "select", "textarea"}
                and e.attrs.get("type") not in {"hidden", "submit"}]
    return [e.attrs.get("name", "?") for e in controls if e.attrs.get("id") not in labelled]


def test_every_control_of_the_receipt_form_has_a_label(desk, five_day_procedure):
    for name in ("desk:receive", "desk:receive-postal"):
        html = desk.get(reverse(name), {"thu_tuc": five_day_procedure.code}).content.decode()
        assert _unlabelled(html) == []


def test_every_control_of_the_dossier_page_and_register_has_a_label(desk, world):
    dossier = dossier_in(Status.SUBMITTED, world=world)
    assert _unlabelled(desk.get(reverse("desk:dossier", args=[dossier.code])).content
                       .decode()) == []
    assert _unlabelled(desk.get(reverse("desk:register")).content.decode()) == []


def test_the_pages_use_no_inline_style(desk, world, five_day_procedure):
    dossier = dossier_in(Status.SUBMITTED, world=world)
    for url in (reverse("desk:queue"), reverse("desk:dossier", args=[dossier.code]),
                reverse("desk:receive") + f"?thu_tuc={five_day_procedure.code}",
                reverse("desk:register"), reverse("desk:return")):
        html = desk.get(url).content.decode()
        assert " style=" not in html and "<style" not in html


def test_the_english_interface_is_translated(desk, world):
    desk.cookies["django_language"] = "en"
    html = desk.get(reverse("desk:receive")).content.decode()
    assert "Receive a dossier in person" in html and "Tiếp nhận hồ sơ trực tiếp" not in html


def test_the_queues_cost_the_same_for_one_or_many_dossiers(world, desk_officer):
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            for select in (selectors.desk_online_queue, selectors.desk_received_queue,
                           selectors.desk_results_queue):
                shown = [(d.procedure_version.name, d.receiving_unit.name, d.code)
                         for d in select(officer=desk_officer).dossiers]
                assert shown
        return len(captured)

    for status in (Status.SUBMITTED, Status.RECEIVED, Status.RESULT_READY):
        dossier_in(status, world=world)
    one = count()
    for status in (Status.SUBMITTED, Status.RECEIVED, Status.RESULT_READY) * 2:
        dossier_in(status, world=world)
    assert count() == one
