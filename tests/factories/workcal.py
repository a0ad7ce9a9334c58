"""Factories for the working calendar: days (national or a unit's) and sessions.

Rows are created through the services, like an administrator would, so the "first national edit
of a year copies the year" rule applies in tests too.
"""

import datetime as dt

import factory

from motcua.workcal import services
from motcua.workcal.models import CalendarDay, DayKind, DaySource, WorkingSession


class CalendarDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarDay

    date = dt.date(2027, 3, 8)
    kind = DayKind.HOLIDAY
    name = "Ngày nghỉ thử nghiệm"
    legal_ref = "Quyết định thử nghiệm"
    verified = True
    source = DaySource.ADMIN

    class Params:
        makeup = factory.Trait(kind=DayKind.MAKEUP_WORKDAY, name="Làm bù thử nghiệm")
        swapped_off = factory.Trait(kind=DayKind.SWAPPED_OFF, name="Nghỉ hoán đổi thử nghiệm")
        unverified = factory.Trait(verified=False)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.calendar_day_save(day=model_class(*args, **kwargs))


class WorkingSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingSession

    weekday = 0
    start = dt.time(7, 30)
    end = dt.time(11, 30)

    class Params:
        afternoon = factory.Trait(start=dt.time(13, 0), end=dt.time(17, 0))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.working_session_save(session=model_class(*args, **kwargs))


def saturday_morning_desk(unit) -> list[WorkingSession]:
    """The HCMC ward pattern (DOMAIN.md §2.1): the default week plus Saturday 07:30–11:30."""
    sessions = [
        WorkingSessionFactory(unit=unit, weekday=weekday, **({"afternoon": True} if pm else {}))
        for weekday in range(5)
        for pm in (False, True)
    ]
    return [*sessions, WorkingSessionFactory(unit=unit, weekday=5)]
