"""`motcua due-date`: prints the due instant; bad input is one line on stderr and exit code 2."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories.agencies import UnitFactory
from tests.factories.workcal import CalendarDayFactory

pytestmark = pytest.mark.django_db


def due_date(*args: str) -> str:
    out = StringIO()
    call_command("due_date", *args, stdout=out)
    return out.getvalue().strip()


def test_prints_the_due_instant_with_its_offset():
    assert due_date("--received", "2026-02-13T10:00", "--duration", "1d") == (
        "2026-02-23T10:00:00+07:00"
    )


def test_pauses_and_a_receipt_in_utc():
    printed = due_date("--received", "2026-02-13T03:00:00+00:00", "--duration", "1d",
                       "--pause", "2026-02-23T08:00", "2026-02-24T08:00")
    assert printed == "2026-02-24T10:00:00+07:00"


def test_uses_the_units_own_days():
    unit = UnitFactory()
    CalendarDayFactory(unit=unit, date="2026-03-10", name="Lễ hội địa phương")
    assert due_date("--received", "09/03/2026 16:00", "--duration", "4h",
                    "--unit", unit.code) == "2026-03-11T10:30:00+07:00"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--received", "2026-02-13T10:00", "--duration", "1 tuần"], "duration_invalid"),
        (["--received", "13-02-2026", "--duration", "1d"], "instant_invalid"),
        (["--duration", "1d"], "received_missing"),
        (["--received", "2026-02-13T10:00", "--duration", "1d",
          "--pause", "2026-02-23T08:00", "2026-02-22T08:00"], "pause_end_before_start"),
        (["--received", "2026-02-13T10:00", "--duration", "1d", "--unit", "không-có"],
         "unit_not_found"),
    ],
)
def test_bad_input_exits_2_with_one_line(args, code, capsys):
    err = StringIO()
    with pytest.raises(SystemExit) as raised:
        call_command("due_date", *args, stderr=err)
    assert raised.value.code == 2
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1 and lines[0].endswith(f"[{code}]")


def test_console_script_exit_code_and_stderr_without_traceback(tmp_path):
    """Through the real `motcua` entry point; bad input is refused before any database access."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'none.sqlite3'}"}
    result = subprocess.run(
        [sys.executable, "-m", "motcua.cli", "due-date", "--received", "2026-02-13T10:00",
         "--duration", "1x"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "Thời hạn “1x” không hợp lệ: hãy nhập ví dụ 1d hoặc 0.5d (ngày làm việc), 4h (giờ làm "
        "việc), 10cd (ngày theo lịch) hoặc sameday (trong ngày). [duration_invalid]"
    ]


def test_console_script_prints_the_example_of_the_issue(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}"}
    motcua = [sys.executable, "-m", "motcua.cli"]
    # Only the calendar tables and what they depend on: the command needs nothing else.
    subprocess.run([*motcua, "migrate", "workcal", "--verbosity", "0"], env=env, check=True)
    subprocess.run([*motcua, "load_holidays"], env=env, check=True, capture_output=True)
    result = subprocess.run(
        [*motcua, "due-date", "--received", "2026-02-13T10:00", "--duration", "1d"],
        capture_output=True, text=True, env=env, check=True,
    )
    assert result.stdout == "2026-02-23T10:00:00+07:00\n"
