"""Validation of the catalog file (docs/catalog.md): typed reads that record problems.

Every problem names where it is — the procedure code (or its position when the code itself is
wrong) and the path of the key — e.g. `HT-03: time_limit.kind: "weeks" không hợp lệ`, so a data
editor can fix the file without reading code. All problems are collected before anything is
written (importer.py writes only a fully valid catalog).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

# Messages are constants so tests (and translators of the docs) can rely on them.
INVALID_CHOICE = '"{value}" không hợp lệ'
REQUIRED = "thiếu (bắt buộc)"
NOT_TEXT = "phải là chuỗi ký tự"
NOT_NUMBER = '"{value}" không phải là số dương (tối đa 2 chữ số thập phân)'
NOT_COUNT = '"{value}" không phải là số nguyên không âm'
NOT_BOOL = '"{value}" phải là true hoặc false'
NOT_LIST = "phải là danh sách"
NOT_MAPPING = "phải là bảng khóa: giá trị"
NOT_DATE = '"{value}" không phải là ngày (YYYY-MM-DD)'
UNKNOWN_KEY = "khóa không được hỗ trợ"
UNKNOWN_REF = '"{value}" không tồn tại'
DUPLICATE = '"{value}" bị trùng'
NOT_ALLOWED = "không dùng được với {reason}"
EMPTY = "không được để trống"
SHARES_SUM = "tổng tỷ lệ thời gian các bước phải bằng 100 (hiện là {total})"
PERIOD_ORDER = "ngày bắt đầu sau ngày kết thúc"
ONLINE_NEEDS_CHANNEL = '"{value}" cần kênh trực tuyến (2) trong channels'
NATIONAL_CODE_TAKEN = '"{value}" đã được dùng cho thủ tục {other}'
WRONG_FORMAT = 'format phải là "{expected}"'


class CatalogInvalid(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class References:
    """What the database already knows, for checking codes the file points at."""

    fields: frozenset[str] = frozenset()
    levels: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    national_codes: dict[str, str] = field(default_factory=dict)  # national code → our code
    template_exists: Callable[[str], bool] = lambda name: False


class Reader:
    """Reads typed values out of one mapping, recording problems under `where: path`."""

    def __init__(self, where: str, problems: list[str], prefix: str = ""):
        self.where, self.problems, self.prefix = where, problems, prefix

    def child(self, key: str) -> "Reader":
        return Reader(self.where, self.problems, self.path(key))

    def path(self, key: str) -> str:
        if key.startswith("["):
            return f"{self.prefix}{key}"
        return f"{self.prefix}.{key}" if self.prefix else key

    def fail(self, key: str, message: str) -> None:
        self.problems.append(f"{self.where}: {self.path(key)}: {message}")

    def check_keys(self, data: dict, allowed: set[str]) -> None:
        for key in data:
            if key not in allowed:
                self.fail(str(key), UNKNOWN_KEY)

    def text(self, data: dict, key: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.fail(key, REQUIRED)
            return ""
        if not isinstance(value, str):
            self.fail(key, NOT_TEXT)
            return ""
        return value.strip()

    def choice(self, data: dict, key: str, choices, *, required=True, default="") -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(key, REQUIRED)
            return default
        if value not in choices.values:
            self.fail(key, INVALID_CHOICE.format(value=value))
            return default
        return value

    def flag(self, data: dict, key: str, default: bool = False) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.fail(key, NOT_BOOL.format(value=value))
            return default
        return value

    def number(self, data: dict, key: str) -> Decimal | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            if isinstance(value, bool):
                raise InvalidOperation
            number = Decimal(str(value))
        except InvalidOperation:
            number = None
        if number is None or number <= 0 or number.as_tuple().exponent < -2 or number >= 10**5:
            self.fail(key, NOT_NUMBER.format(value=value))
            return None
        return number

    def count(self, data: dict, key: str, default: int | None = None) -> int | None:
        value = data.get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(key, NOT_COUNT.format(value=value))
            return default
        return value

    def day(self, data: dict, key: str) -> date | None:
        value = data.get(key)
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(key, NOT_DATE.format(value=value))
            return None

    def items(self, data: dict, key: str, *, required: bool = False) -> list:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(key, REQUIRED)
            return []
        if not isinstance(value, list):
            self.fail(key, NOT_LIST)
            return []
        return value

    def mappings(self, data: dict, key: str, *, required: bool = False):
        """(reader, mapping) for each well-formed mapping of a list."""
        for index, item in enumerate(self.items(data, key, required=required)):
            reader = self.child(f"{key}[{index}]")
            if isinstance(item, dict):
                yield reader, item
            else:
                self.fail(f"{key}[{index}]", NOT_MAPPING)

    def texts(self, data: dict, key: str) -> tuple[str, ...]:
        values = []
        for index, item in enumerate(self.items(data, key)):
            if isinstance(item, str) and item.strip():
                values.append(item.strip())
            else:
                self.fail(f"{key}[{index}]", NOT_TEXT)
        return tuple(values)

    def reference(self, data: dict, key: str, known, *, required: bool = False) -> str:
        value = self.text(data, key, required=required)
        if value and value not in known:
            self.fail(key, UNKNOWN_REF.format(value=value))
        return value
