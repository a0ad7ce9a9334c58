"""Every environment variable the settings read is documented in docs/operations.md."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_variable_of_the_settings_is_documented():
    settings = (ROOT / "src" / "motcua" / "settings.py").read_text("utf-8")
    read = set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', settings))
    read |= set(re.findall(r'env_(?:bool|list)\("([A-Z_]+)"', settings))
    documented = (ROOT / "docs" / "operations.md").read_text("utf-8")

    assert "MOTCUA_SECRET_KEY" in read  # the scan finds what it should
    assert sorted(name for name in read if f"`{name}`" not in documented) == []
