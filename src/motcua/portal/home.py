"""What the home page shows, fetched from the procedure catalog without depending on it.

The portal must render even when the catalog app has nothing to offer yet (a fresh install, or
while it is being built), so the catalog is imported lazily and only its absence is tolerated:
a catalog that exists but fails is a bug and must surface, not be hidden behind an empty page.

The contract with `motcua.catalog.selectors`:

- `field_list()` → an iterable of fields (lĩnh vực), each with `code` and `name`; each links to
  the catalog filtered by it (`/thu-tuc/?field=<code>`, the catalog's `field` filter);
- `procedure_list_popular(*, limit: int)` → at most `limit` procedures, shown as `str(p)` and
  linked to `p.get_absolute_url()` (Django's conventions, so plain model instances fit).

Both names must exist: a selectors module without them counts as no catalog yet.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

# The public catalog's address; the search box and the field links land there.
CATALOG_URL = "/thu-tuc/"
POPULAR_LIMIT = 8


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class HomeSections:
    """The home page's data-driven sections; an empty tuple hides its section."""

    fields: Sequence[Link] = field(default_factory=tuple)
    popular: Sequence[Link] = field(default_factory=tuple)


def field_url(code: str) -> str:
    """The catalog filtered to one field (the catalog's `field` query parameter)."""
    return f"{CATALOG_URL}?{urlencode({'field': code})}"


def home_sections() -> HomeSections:
    try:
        from motcua.catalog.selectors import field_list, procedure_list_popular
    except ImportError:
        return HomeSections()
    return HomeSections(
        fields=tuple(Link(f.name, field_url(f.code)) for f in field_list()),
        popular=tuple(
            Link(str(p), p.get_absolute_url()) for p in procedure_list_popular(limit=POPULAR_LIMIT)
        ),
    )
