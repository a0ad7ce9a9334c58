"""The portal's tiny HTML reader (tests/portal/markup.py), told also which element holds which:
accessible names need a link's images, error summaries their links."""

from dataclasses import dataclass, field

from tests.portal import markup
from tests.portal.markup import Element, text_of

__all__ = ["Node", "accessible_name", "descendants", "parse", "text_of", "visible_text"]


@dataclass(eq=False)
class Node(Element):
    parent: "Node | None" = None
    children: list["Node"] = field(default_factory=list)
    # Text outside any element marked lang="vi" (catalog data), for the translation checks.
    own_texts: list[str] = field(default_factory=list)


class _Reader(markup._Reader):
    def handle_starttag(self, tag, attrs):
        parent = self._open[-1] if self._open else None
        node = Node(tag, {k: v or "" for k, v in attrs},
                    parents=tuple(e.tag for e in self._open), parent=parent)
        if parent is not None:
            parent.children.append(node)
        self.elements.append(node)
        if tag not in markup._VOID:
            self._open.append(node)

    def handle_data(self, data):
        super().handle_data(data)
        if self._open:
            self._open[-1].own_texts.append(data)


def parse(html: str) -> list[Node]:
    reader = _Reader()
    reader.feed(html)
    return reader.elements


def descendants(node: Node):
    for child in node.children:
        yield child
        yield from descendants(child)


def accessible_name(node: Node) -> str:
    """aria-label, else the text and the images' alt text inside (enough for links and buttons;
    aria-labelledby counts as named)."""
    if node.attrs.get("aria-label", "").strip() or node.attrs.get("aria-labelledby"):
        return node.attrs.get("aria-label", "").strip() or "(labelledby)"
    if node.tag == "input":
        return node.attrs.get("value", "").strip()
    alts = [d.attrs.get("alt", "") for d in descendants(node) if d.tag == "img"]
    return " ".join([text_of(node), *alts]).strip()


def _skipped(node: Node) -> bool:
    while node is not None:
        if node.tag in {"script", "style", "template"} or (
                node.tag != "html" and node.attrs.get("lang") == "vi"):
            return True
        node = node.parent
    return False


def visible_text(elements: list[Node]) -> list[str]:
    """The page's text runs, each whitespace-collapsed, outside scripts and `lang="vi"` data;
    also the attributes people hear or see (alt, aria-label, placeholder, title, value of
    buttons)."""
    runs = []
    for node in elements:
        if _skipped(node):
            continue
        runs += [" ".join(t.split()) for t in node.own_texts]
        for attr in ("alt", "aria-label", "placeholder", "title"):
            runs.append(" ".join(node.attrs.get(attr, "").split()))
        if node.tag == "input" and node.attrs.get("type") in {"submit", "button"}:
            runs.append(node.attrs.get("value", ""))
    return [r for r in runs if r]
