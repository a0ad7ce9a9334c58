"""Background tasks (django.tasks; the database backend in production, `motcua db_worker`)."""

from django.tasks import task

from motcua.outbox.services import outbox_run


@task
def outbox_deliver(message_id: int) -> bool:
    return outbox_run(message_id=message_id)
