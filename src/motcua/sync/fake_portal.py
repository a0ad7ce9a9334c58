"""A stand-in for the national portal's sync endpoint, for the demo and the tests: it speaks
the same protocol over HTTP on loopback, checks every record the way the portal's validation
does (required fields, national codes, date format), and keeps what it accepted.

Fault switches for tests (motcua.core.fakes): `fail_next` answers HTTP 500 that many times;
`delay` sleeps before answering."""

import re

from motcua.core.fakes import LoopbackJSONServer

DATE = re.compile(r"^(\d{14})?$")
STATUSES = {str(code) for code in range(1, 11)}
RECORD_FIELDS = ("MaHoSo", "MaTTHC", "TenTTHC", "ChuHoSo", "LoaiDoiTuong", "NgayTiepNhan",
                 "NgayHenTra", "TrangThaiHoSo", "HinhThuc", "KenhThucHien", "TaiLieuNop",
                 "DanhSachLePhi", "DanhSachHoSoBoSung", "DanhSachGiayToKetQua")
PROGRESS_FIELDS = ("MaHoSo", "NguoiXuLy", "ChucDanh", "ThoiDiemXuLy", "PhongBanXuLy",
                   "NoiDungXuLy", "TrangThai", "NgayBatDau", "NgayKetThucTheoQuyDinh")


def record_problems(record: dict) -> list[str]:
    problems = [f"missing {name}" for name in RECORD_FIELDS if name not in record]
    if not record.get("MaHoSo"):
        problems.append("MaHoSo empty")
    if record.get("TrangThaiHoSo") not in STATUSES:
        problems.append(f"TrangThaiHoSo {record.get('TrangThaiHoSo')!r}")
    if record.get("HinhThuc") not in (0, 1):
        problems.append("HinhThuc not 0/1")
    if record.get("KenhThucHien") not in (1, 2, 3):
        problems.append("KenhThucHien not 1/2/3")
    if record.get("LoaiDoiTuong") not in (1, 2):
        problems.append("LoaiDoiTuong not 1/2")
    problems += [f"{name} not yyyyMMddHHmmss" for name in
                 ("NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy")
                 if not DATE.match(str(record.get(name, "")))]
    return problems


def progress_problems(step: dict) -> list[str]:
    problems = [f"missing {name}" for name in PROGRESS_FIELDS if name not in step]
    if step.get("TrangThai") not in STATUSES:
        problems.append(f"TrangThai {step.get('TrangThai')!r}")
    if not re.match(r"^\d{14}$", str(step.get("ThoiDiemXuLy", ""))):
        problems.append("ThoiDiemXuLy not yyyyMMddHHmmss")
    return problems


def _same_step(one: dict, other: dict) -> bool:
    keys = ("MaHoSo", "ThoiDiemXuLy", "TrangThai", "NoiDungXuLy")
    return all(one.get(k) == other.get(k) for k in keys)


class FakePortal(LoopbackJSONServer):
    failure = {"error_code": "99", "message": "internal error"}

    def __init__(self, *, token: str = "", host: str = "127.0.0.1", port: int = 0):
        super().__init__(host=host, port=port)
        self.token = token
        self.records: dict[str, dict] = {}  # MaHoSo → the latest record accepted
        self.progress: list[dict] = []
        self.rejected: list[list[str]] = []

    @property
    def url(self) -> str:
        return f"{self.base_url}/api/dongbo"

    def respond(self, path: str, envelope: dict, authorization: str) -> tuple[int, dict]:
        if self.token and authorization != f"Bearer {self.token}":
            return 401, {"error_code": "401", "message": "invalid token"}
        service, data = envelope.get("service"), envelope.get("data")
        check = {"DongBoHoSoMC": record_problems,
                 "CapNhatTienDoHoSoMC": progress_problems}.get(service)
        if check is None or not envelope.get("madonvi") or not isinstance(data, list):
            self.rejected.append(["bad envelope"])
            return 200, {"error_code": "01", "message": "bad envelope"}
        problems = [p for item in data for p in check(item)]
        if problems:
            self.rejected.append(problems)
            return 200, {"error_code": "02", "message": "; ".join(problems)}
        for item in data:
            if service == "DongBoHoSoMC":
                self.records[item["MaHoSo"]] = item
            elif not any(_same_step(item, seen) for seen in self.progress):
                # A step sent again after a timeout is the same step, not a new one.
                self.progress.append(item)
        return 200, {"error_code": "00", "message": "OK"}
