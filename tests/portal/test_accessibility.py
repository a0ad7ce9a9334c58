"""The site shell's accessibility basics (WCAG 2.1 AA), checked on the markup."""

from tests.portal.markup import find_all, parse, text_of


def _home(client):
    return parse(client.get("/").content.decode())


def test_skip_link_is_first_and_targets_main(client):
    elements = _home(client)

    body_links = [e for e in elements if e.tag == "a"]
    assert body_links[0].attrs["href"] == "#main"
    assert body_links[0].attrs["class"] == "skip-link"
    (main,) = find_all(elements, "main")
    assert main.attrs["id"] == "main"


def test_landmarks_are_present_once(client):
    elements = _home(client)

    for tag in ("header", "main", "footer"):
        assert len(find_all(elements, tag)) == 1, tag
    navs = find_all(elements, "nav")
    assert [n.attrs.get("aria-label") for n in navs] == ["Điều hướng chính"]


def test_one_h1_and_sections_are_labelled_by_their_headings(client, catalog_sections):
    elements = _home(client)

    assert len(find_all(elements, "h1")) == 1
    ids = {e.attrs["id"] for e in elements if "id" in e.attrs}
    for section in find_all(elements, "section"):
        assert section.attrs["aria-labelledby"] in ids


def test_every_form_control_has_a_name(client):
    elements = _home(client)
    labelled = {e.attrs["for"] for e in find_all(elements, "label")}

    for field in find_all(elements, "input"):
        if field.attrs.get("type") != "hidden":
            assert field.attrs["id"] in labelled
    for button in find_all(elements, "button"):
        assert text_of(button)
    (legend,) = find_all(elements, "legend")
    assert text_of(legend) == "Ngôn ngữ"


def test_viewport_allows_zoom(client):
    (viewport,) = find_all(_home(client), "meta", name="viewport")

    assert "user-scalable" not in viewport.attrs["content"]
    assert "maximum-scale" not in viewport.attrs["content"]
