"""What the home page shows from the procedure catalog.

The portal reads the catalog only through `motcua.catalog.selectors`:

- `field_list()` → the fields (lĩnh vực), each with `code` and `name`; each links to the
  catalog filtered by it (`/thu-tuc/?field=<code>`, the catalog's `field` filter);
- `procedure_list_popular(*, limit: int)` → at most `limit` procedures, shown by `p.name` and
  linked to `p.get_absolute_url()`.

and the year's results from the public statistics' rollups (`motcua.reports.public`), never
from the dossiers themselves.

A section with nothing to show (an empty catalog) is hidden by the template. A failing catalog
is not hidden: its error surfaces like any other.

The home page is the site's most visited page and its data changes slowly: `home_data` keeps it
a minute in the shared cache (docs/performance.md: the year's figures sum every rollup of the
year, 10 ms a page at 1,000,000 dossiers, 2.6 ms from the cache).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse_lazy

from motcua.catalog.selectors import field_list, procedure_list_popular
from motcua.core.clock import local, now
from motcua.reports.public import MonthStats, year_to_date

# The public catalog's address; the search box and the field links land there.
CATALOG_URL = reverse_lazy("catalog:procedure-list")
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
    return HomeSections(
        fields=tuple(Link(f.name, field_url(f.code)) for f in field_list()),
        popular=tuple(
            Link(p.name, p.get_absolute_url()) for p in procedure_list_popular(limit=POPULAR_LIMIT)
        ),
    )


def home_data() -> tuple[HomeSections, MonthStats | None]:
    """The catalog's sections and the year's figures, computed at most once a minute for every
    web process (the key names the day: the year so far ends today). With
    MOTCUA_HOME_CACHE_SECONDS at 0 the cache is not asked at all: `get_or_set` would still read,
    write and read again a value that expires at once."""
    seconds = settings.MOTCUA_HOME_CACHE_SECONDS
    if not seconds:
        return home_sections(), statistics_teaser()
    key = f"motcua:portal:home:{local(now()).date().isoformat()}"
    return cache.get_or_set(key, lambda: (home_sections(), statistics_teaser()), seconds)


def statistics_teaser() -> MonthStats | None:
    """This year's results so far (received, settled on time, online share), or None before
    the first dossier of the year, which hides the section."""
    stats = year_to_date(today=local(now()).date())
    return stats if stats.received or stats.settled else None
