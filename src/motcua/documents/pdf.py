"""HTML templates to A4 PDF documents, with WeasyPrint, offline.

`render_pdf(template_name=..., context=...)` renders a Django template (normally one extending
`documents/base_form.html`) with the app's one print stylesheet (`static/documents/print.css`)
and returns the PDF's bytes. Nothing is fetched from the network: the URL fetcher serves only
the app's own static files and `data:` URIs and refuses every other address, so a value typed
by a citizen (an applicant's name containing `<img src="http://…">`, say — autoescaped anyway)
can never make the server call out, and a form renders the same with the network down.

Fonts are the system's (fontconfig): Liberation Serif, metric-compatible with Times New Roman
(the typeface Decree 30/2020/NĐ-CP asks of administrative documents) and complete for
Vietnamese, with DejaVu Serif as the fall-back; no @font-face, no web font.
"""

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

STATIC_DIR = (Path(__file__).resolve().parent / "static" / "documents").resolve()
PRINT_CSS = STATIC_DIR / "print.css"


class RefusedURL(ValueError):
    """A document asked for something outside the app's static files (logged by WeasyPrint,
    which then renders without it)."""


class LocalOnlyFetcher(URLFetcher):
    """Serves `data:` URIs and files under `documents/static/documents/`; refuses the rest."""

    def __init__(self):
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and _is_own_static(url):
            return super().fetch(url, headers)
        raise RefusedURL(f"documents render offline; refused: {url[:200]}")


def _is_own_static(url: str) -> bool:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return False
    try:
        path = Path(unquote(parts.path)).resolve()
    except (OSError, ValueError):
        return False
    return path.is_relative_to(STATIC_DIR) and path.is_file()


@lru_cache(maxsize=1)
def _stylesheet() -> CSS:
    # Parsed once per process: the stylesheet is code, not data.
    return CSS(filename=str(PRINT_CSS), url_fetcher=LocalOnlyFetcher())


def render_pdf(*, template_name: str, context: dict) -> bytes:
    """The template rendered to an A4 PDF. Official forms are Vietnamese documents whatever the
    reader's interface language (TT 01/2018/TT-VPCP prescribes their wording), so the template
    renders under Vietnamese."""
    with translation.override("vi"):
        html = render_to_string(template_name, context)
    document = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/",
                    url_fetcher=LocalOnlyFetcher())
    return document.write_pdf(stylesheets=[_stylesheet()])


def public_lookup_url(code: str) -> str:
    """The absolute address of the public look-up pre-filled with `code` (portal/lookup.py reads
    `?ma=`), from MOTCUA_PUBLIC_BASE_URL: the PDF leaves the server, so no relative link."""
    base = settings.MOTCUA_PUBLIC_BASE_URL.rstrip("/")
    return f"{base}{reverse('portal:lookup')}?{urlencode({'ma': code})}"


def qr_data_uri(data: str) -> str:
    """A QR code of `data` as an SVG `data:` URI (error correction M, no border: the page's
    white margin is the quiet zone)."""
    return segno.make(data, error="m", micro=False).svg_data_uri(
        scale=4, border=2, dark="#000", light="#fff")
