"""A tiny HTML reader for assertions on structure (landmarks, labels, links) without a browser."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    parents: tuple[str, ...] = field(default=())


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs}, parents=tuple(
            e.tag for e in self._open))
        self.elements.append(element)
        if tag not in _VOID:
            self._open.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        for element in self._open:
            element.text += data


def parse(html: str) -> list[Element]:
    reader = _Reader()
    reader.feed(html)
    return reader.elements


def find_all(elements: list[Element], tag: str, **attrs: str) -> list[Element]:
    return [
        e for e in elements
        if e.tag == tag and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
    ]


def text_of(element: Element) -> str:
    return " ".join(element.text.split())
