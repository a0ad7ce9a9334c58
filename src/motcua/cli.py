"""The `motcua` console command: a thin wrapper around Django's management commands.

`motcua due-date …` is `manage.py due_date …`; every other Django command works as is
(`motcua migrate`, `motcua runserver`).
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    if len(argv) > 1:
        # Console style (due-date) to Django style (due_date).
        argv[1] = argv[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["motcua", *argv[1:]])


if __name__ == "__main__":
    main()
