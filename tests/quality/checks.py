"""WCAG 2.1 AA checks that can be read off server-rendered HTML. Each returns the findings as
sentences (empty: the page passes), so a failing test says what to fix and where."""

import re

from tests.quality.reader import Node, accessible_name, descendants, text_of

_UNLABELLED_INPUTS = {"hidden", "submit", "button", "reset", "image"}
_HEADING = re.compile(r"^h([1-6])$")


def _where(node: Node) -> str:
    attrs = " ".join(f'{k}="{v}"' for k, v in node.attrs.items() if k in {"id", "name", "class",
                                                                          "href", "type"})
    return f"<{node.tag} {attrs}>".replace(" >", ">")


def document(elements: list[Node]) -> list[str]:
    """lang, one <main>, one <h1>, heading levels in order."""
    found = []
    (html,) = [e for e in elements if e.tag == "html"] or [None]
    if html is None or not html.attrs.get("lang"):
        found.append("<html> has no lang attribute")
    if len([e for e in elements if e.tag == "main"]) != 1:
        found.append("not exactly one <main> landmark")
    h1s = [e for e in elements if e.tag == "h1"]
    if len(h1s) != 1:
        found.append(f"{len(h1s)} <h1> elements, expected exactly one")
    previous = 0
    for node in elements:
        match = _HEADING.match(node.tag)
        if not match:
            continue
        level = int(match.group(1))
        if previous and level > previous + 1:
            found.append(f"heading level skips from h{previous} to h{level}: "
                         f"{text_of(node)[:60]!r}")
        previous = level
    return found


def _labelled_ids(elements: list[Node]) -> set[str]:
    return {e.attrs["for"] for e in elements if e.tag == "label" and e.attrs.get("for")}


def controls(elements: list[Node]) -> list[str]:
    """Every input, select and textarea has a label (for=, wrapping, aria-label/-labelledby)."""
    labelled = _labelled_ids(elements)
    found = []
    for node in elements:
        if node.tag not in {"input", "select", "textarea"}:
            continue
        if node.tag == "input" and node.attrs.get("type", "text") in _UNLABELLED_INPUTS:
            continue
        if (node.attrs.get("id") in labelled or "label" in node.parents
                or node.attrs.get("aria-label", "").strip() or node.attrs.get("aria-labelledby")):
            continue
        found.append(f"form control without a label: {_where(node)}")
    return found


def names(elements: list[Node]) -> list[str]:
    """Images have alt; links and buttons have an accessible name."""
    found = []
    for node in elements:
        if node.tag == "img" and "alt" not in node.attrs:
            found.append(f"image without alt: {node.attrs.get('src')}")
        if node.tag in {"a", "button"} and not accessible_name(node):
            if node.tag == "a" and "href" not in node.attrs:
                continue  # an anchor target, not a link
            found.append(f"{node.tag} without an accessible name: {_where(node)}")
        if (node.tag == "input" and node.attrs.get("type") in {"submit", "button"}
                and not accessible_name(node)):
            found.append(f"button without an accessible name: {_where(node)}")
    return found


def csp(elements: list[Node]) -> list[str]:
    """No style="…" (blocked by the policy); inline <script>/<style> carry the nonce."""
    found = []
    for node in elements:
        if "style" in node.attrs:
            found.append(f"inline style attribute on {_where(node)}")
        if node.tag == "style" and "nonce" not in node.attrs:
            found.append("inline <style> without the CSP nonce")
        if node.tag == "script" and "src" not in node.attrs and "nonce" not in node.attrs \
                and node.attrs.get("type") not in {"application/json", "application/ld+json"}:
            found.append("inline <script> without the CSP nonce")
        handlers = [k for k in node.attrs if k.startswith("on")]
        if handlers:
            found.append(f"inline event handler {handlers} on {_where(node)}")
    return found


def tables(elements: list[Node]) -> list[str]:
    """Data tables are named (caption or aria-label/-labelledby) and their header cells say
    what they head (scope, or a <thead> row whose cells are column headers by position)."""
    found = []
    for table in (e for e in elements if e.tag == "table"):
        if table.attrs.get("role") == "presentation":
            continue
        inside = list(descendants(table))
        named = (any(d.tag == "caption" for d in inside) or table.attrs.get("aria-label")
                 or table.attrs.get("aria-labelledby"))
        if not named:
            found.append(f"table without a caption or aria-label: {_where(table)}")
        headers = [d for d in inside if d.tag == "th"]
        if not headers:
            found.append(f"data table without <th> header cells: {_where(table)}")
        for th in headers:
            if "scope" not in th.attrs and "thead" not in th.parents:
                found.append(f"row header without scope: {text_of(th)[:40]!r}")
    return found


def every_check(elements: list[Node]) -> list[str]:
    return [*document(elements), *controls(elements), *names(elements), *csp(elements),
            *tables(elements)]


def error_summary(elements: list[Node]) -> list[str]:
    """After an invalid submit: a summary (role="alert" or class *error-summary*) whose links
    point at fields that exist and are marked aria-invalid="true"."""
    summaries = [e for e in elements if e.attrs.get("role") == "alert"
                 or "error-summary" in e.attrs.get("class", "")]
    if not summaries:
        return ["no error summary (role=alert or .error-summary) after an invalid submit"]
    by_id = {e.attrs["id"]: e for e in elements if e.attrs.get("id")}
    links = [d for s in summaries for d in descendants(s) if d.tag == "a"
             and d.attrs.get("href", "").startswith("#")]
    if not links:
        return ["the error summary links to no field"]
    found = []
    for link in links:
        target = by_id.get(link.attrs["href"][1:])
        if target is None:
            found.append(f"error summary links to a missing id: {link.attrs['href']}")
            continue
        fields = [target, *descendants(target)]
        controls_ = [f for f in fields if f.tag in {"input", "select", "textarea"}]
        if controls_ and not any(c.attrs.get("aria-invalid") == "true" for c in controls_):
            found.append(f"field {link.attrs['href']} is not aria-invalid")
    if not any(e.attrs.get("aria-invalid") == "true" for e in elements):
        found.append("no field is marked aria-invalid")
    return found
