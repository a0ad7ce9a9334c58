"""Step 3: uploads checked by their content and size, shown with name and size, replaced or
removed before submission, and kept in the database as soon as they arrive."""

import os

from motcua.dossiers.models import DossierFile
from tests.submission.conftest import fill_all_steps, fresh, pdf_bytes, start_draft, upload, url

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


def _components(draft):
    """(required, optional) components of the birth registration that take a file."""
    rows = list(draft.components.select_related("component"))
    required = [c for c in rows if c.component.required and c.component.originals]
    optional = [c for c in rows if not c.component.required]
    return required, optional


def test_a_program_renamed_pdf_is_refused_by_its_content(signed_in, birth, communes):
    draft = start_draft(signed_in)
    first = _components(draft)[0][0]

    response = signed_in.post(url(draft, "uploads"), {
        f"component-{first.pk}": upload("to-khai.pdf", EXE)})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Chỉ nhận tệp PDF, JPEG hoặc PNG; nội dung tệp “to-khai.pdf” không thuộc các loại " \
           "này." in html
    assert f'href="#file-{first.pk}"' in html  # the summary links to the field
    assert not DossierFile.objects.exists()


def test_a_file_over_the_limit_is_refused(signed_in, birth, communes, settings):
    settings.MOTCUA_UPLOAD_MAX_BYTES = 2048
    draft = start_draft(signed_in)
    first = _components(draft)[0][0]

    response = signed_in.post(url(draft, "uploads"), {
        f"component-{first.pk}": upload("lon.pdf", b"%PDF-1.4\n" + b"0" * 4096)})

    assert "Tệp “lon.pdf” quá lớn: dung lượng tối đa là 2 KB." in response.content.decode()
    assert not DossierFile.objects.exists()


def test_missing_required_files_are_named_and_optional_ones_are_not(signed_in, birth, communes):
    draft = start_draft(signed_in)
    required, optional = _components(draft)

    response = signed_in.post(url(draft, "uploads"), {})

    rows = {row["component"].pk: row for row in response.context["rows"]}
    assert all(rows[c.pk]["error"] == "Vui lòng tải lên tệp cho giấy tờ bắt buộc này."
               for c in required)
    assert all(rows[c.pk]["error"] is None for c in optional)


def test_a_good_file_is_kept_even_when_its_neighbour_is_refused(signed_in, birth, communes):
    draft = start_draft(signed_in)
    first, second = _components(draft)[0]

    response = signed_in.post(url(draft, "uploads"), {
        f"component-{first.pk}": upload("to-khai.pdf"),
        f"component-{second.pk}": upload("giay-chung-sinh.pdf", EXE)})

    html = response.content.decode()
    assert "to-khai.pdf" in html  # shown as uploaded, with its size
    assert f"({len(pdf_bytes())} byte)" in html
    assert list(fresh(draft).files.values_list("name", "component")) == [
        ("to-khai.pdf", first.pk)]


def test_a_new_file_replaces_the_old_one_and_a_file_can_be_removed(
    signed_in, birth, communes, django_capture_on_commit_callbacks
):
    draft = start_draft(signed_in)
    first = _components(draft)[0][0]
    signed_in.post(url(draft, "uploads"), {f"component-{first.pk}": upload("cu.pdf")})
    old = DossierFile.objects.get()
    old_path = old.file.path

    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(url(draft, "uploads"), {
            f"component-{first.pk}": upload("moi.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)})

    assert list(DossierFile.objects.values_list("name", flat=True)) == ["moi.png"]
    assert not os.path.exists(old_path)  # the replaced file left the disk too

    new = DossierFile.objects.get()
    response = signed_in.post(f"/nop-ho-so/ho-so/{draft.pk}/giay-to/{new.pk}/xoa/")
    assert response.status_code == 302
    assert not DossierFile.objects.exists()


def test_removing_is_refused_after_submission(signed_in, birth, communes):
    draft = fill_all_steps(signed_in, start_draft(signed_in))
    signed_in.post(url(draft, "review"), {"version": draft.version})
    kept = DossierFile.objects.count()

    signed_in.post(f"/nop-ho-so/ho-so/{draft.pk}/giay-to/"
                   f"{DossierFile.objects.first().pk}/xoa/")

    assert DossierFile.objects.count() == kept
