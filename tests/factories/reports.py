"""Dossiers with a history at chosen instants, for the report tests.

Built through the services like every dossier (tests.factories.dossiers.dossier_in), with the
clock moved to each instant: received at `received`, settled (approved) at `finished`.
"""

from datetime import datetime

import time_machine

from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import Channel, Status
from tests.factories.dossiers import _result_ready, dossier_in


def dossier_settled(*, world, procedure, received: datetime, finished: datetime,
                    channel: Channel = Channel.DIRECT, supplements: int = 0) -> Dossier:
    """Received at `received`, approved (result ready) at `finished`."""
    with time_machine.travel(received, tick=False):
        dossier = dossier_in(Status.PROCESSING, world=world, procedure=procedure,
                             channel=channel)
        dossier = _supplements(dossier, world, supplements)
    with time_machine.travel(finished, tick=False):
        from motcua.dossiers.services import processing

        dossier = processing.dossier_propose_result(dossier=dossier, actor=world.specialist)
        _result_ready(Dossier.objects.get(pk=dossier.pk), world)
    return Dossier.objects.get(pk=dossier.pk)


def dossier_open(*, world, procedure, received: datetime, paused: datetime | None = None,
                 channel: Channel = Channel.DIRECT) -> Dossier:
    """Received at `received`, in processing; asked for a supplement at `paused` if given."""
    with time_machine.travel(received, tick=False):
        dossier = dossier_in(Status.PROCESSING, world=world, procedure=procedure,
                             channel=channel)
    if paused is not None:
        from motcua.dossiers.services import processing

        with time_machine.travel(paused, tick=False):
            processing.dossier_request_supplement(dossier=dossier, actor=world.specialist,
                                                  reason="Thiếu giấy tờ", items=["Bản sao"])
    return Dossier.objects.get(pk=dossier.pk)


def _supplements(dossier: Dossier, world, count: int) -> Dossier:
    from motcua.dossiers.services import processing

    for _ in range(count):
        dossier = processing.dossier_request_supplement(
            dossier=dossier, actor=world.specialist, reason="Thiếu giấy tờ", items=["Bản sao"])
        dossier = processing.dossier_supplement(dossier=dossier, actor=world.desk_officer)
    return dossier
