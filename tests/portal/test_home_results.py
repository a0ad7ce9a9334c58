"""The home page's teaser of the public statistics: this year's figures from the rollups."""

from datetime import date

from motcua.core.clock import now
from motcua.reports.models import Rollup
from tests.factories.agencies import UnitFactory
from tests.factories.catalog import ProcedureFactory
from tests.portal.markup import find_all, parse, text_of


def section(client):
    elements = parse(client.get("/").content.decode())
    found = [e for e in find_all(elements, "section")
             if e.attrs.get("aria-labelledby") == "results-title"]
    return text_of(found[0]) if found else None


def rollup(month: date, channel: int, **counts) -> Rollup:
    return Rollup.objects.create(unit=UnitFactory(), procedure=ProcedureFactory(),
                                 channel=channel, month=month, refreshed_at=now(), **counts)


def test_no_section_before_the_first_dossier_of_the_year(client, frozen_now):
    rollup(date(2025, 12, 1), 1, received=50, settled_on_time=50)  # last year's

    assert section(client) is None


def test_the_years_figures_and_a_link_to_the_statistics(client, frozen_now):
    rollup(date(2026, 1, 1), 1, received=1200, settled_early=900, settled_on_time=200,
           settled_late=100)
    rollup(date(2026, 11, 1), 2, received=800, settled_on_time=600)

    text = section(client)

    assert "Kết quả giải quyết hồ sơ năm 2026" in text
    assert "2.000 hồ sơ đã tiếp nhận" in text
    assert "1.800 hồ sơ đã giải quyết, 94,4% trước hạn và đúng hạn" in text
    assert "40,0% hồ sơ nộp trực tuyến" in text
    assert 'href="/thong-ke/"' in client.get("/").content.decode()
