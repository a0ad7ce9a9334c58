"""The national portal's records, built from Motcua data (DOMAIN.md §2.9): the dossier record
(DongBoHoSoMC) and a progress step (CapNhatTienDoHoSoMC). Dates are yyyyMMddHHmmss in Vietnam's
time; statuses are the national codes 1–10 and channels the codes 1 direct / 2 online /
3 postal, as the dossier already stores them."""

from datetime import datetime

from motcua.core.clock import local
from motcua.dossiers.models import (
    ApplicantKind,
    Delivery,
    Dossier,
    DossierEvent,
    DossierFile,
    DossierPause,
)
from motcua.dossiers.statuses import NATIONAL_CODE, Action, Channel, Status

# The organisation kinds of LoaiDoiTuong: 1 citizen, 2 business or organisation.
_SUBJECT_KIND = {ApplicantKind.PERSON: 1, ApplicantKind.ORGANISATION: 2}


def portal_date(instant: datetime | None) -> str:
    return local(instant).strftime("%Y%m%d%H%M%S") if instant else ""


def _files(dossier: Dossier) -> list[dict]:
    return [
        {"TepDinhKemId": str(f.pk), "TenTepDinhKem": f.name, "IsDeleted": False,
         "MaThanhPhanHoSo": str(f.component_id or ""), "DuongDanTaiTepTin": ""}
        for f in dossier.files.all() if f.purpose == DossierFile.Purpose.SUBMISSION
    ]


def _fees(dossier: Dossier) -> list[dict]:
    if not dossier.fee_due:
        return []
    paid_online = dossier.channel == Channel.ONLINE and dossier.fee_paid >= dossier.fee_due
    return [{"TenPhiLePhi": "Phí, lệ phí", "MaPhiLePhi": "", "Gia": dossier.fee_due,
             "HinhThucThu": 2 if paid_online else 1, "LoaiPhiLePhi": 2}]


def _supplements(dossier: Dossier) -> list[dict]:
    return [
        {"HoSoBoSungId": str(p.pk), "NoiDungBoSung": p.reason,
         "NgayBoSung": portal_date(p.started_at), "NgayTiepNhanBoSung": portal_date(p.ended_at),
         "TrangThaiBoSung": 1 if p.ended_at else 0,
         "NgayHenTraTruoc": portal_date(p.due_before), "NgayHenTraMoi": portal_date(p.due_after)}
        for p in dossier.pauses.all() if p.kind == DossierPause.Kind.SUPPLEMENT
    ]


def _results(dossier: Dossier) -> list[dict]:
    return [{"TenGiayTo": r.name, "MaThanhPhanHoSo": "", "GiayToId": str(r.pk),
             "DuongDanTepTinKetQua": ""} for r in dossier.results.all()]


def dossier_record(dossier: Dossier) -> dict:
    """DongBoHoSoMC for `dossier` as it stands (prefetch files, pauses, results)."""
    version = dossier.procedure_version
    return {
        "MaHoSo": dossier.code,
        "MaTTHC": version.procedure.national_code,
        "TenTTHC": version.name,
        "MaLinhVuc": version.field.code,
        "TenLinhVuc": version.field.name,
        "SoBienNhan": dossier.code,
        "ChuHoSo": dossier.applicant_name,
        "LoaiDoiTuong": _SUBJECT_KIND.get(dossier.applicant_kind, 1),
        "MaDoiTuong": "",
        "ThongTinKhac": "",
        "Email": dossier.applicant_email,
        "Fax": "",
        "SoDienThoai": dossier.applicant_phone,
        "TrichYeuHoSo": dossier.summary or version.name,
        "NgayNopHoSo": portal_date(dossier.submitted_at or dossier.received_at),
        "NgayTiepNhan": portal_date(dossier.received_at),
        "NgayHenTra": portal_date(dossier.appointment_at),
        "TrangThaiHoSo": str(dossier.national_status or ""),
        "NgayTra": portal_date(dossier.returned_at),
        "ThongTinTra": "",
        "HinhThuc": 1 if dossier.delivery == Delivery.POST else 0,
        "NgayKetThucXuLy": portal_date(dossier.finished_at),
        "DonViXuLy": dossier.competent_unit.name if dossier.competent_unit else "",
        "GhiChu": "",
        "KenhThucHien": int(dossier.channel),
        "TaiLieuNop": _files(dossier),
        "DanhSachLePhi": _fees(dossier),
        "DanhSachHoSoBoSung": _supplements(dossier),
        "DanhSachGiayToKetQua": _results(dossier),
        "DanhSachTepDinhKemKhac": [],
    }


def progress_update(event: DossierEvent, *, code: str, due: datetime | None) -> dict:
    """CapNhatTienDoHoSoMC for one event of the dossier's history."""
    step_due = event.step.due_at if event.step_id and event.step else None
    return {
        "MaHoSo": code,
        "NguoiXuLy": (event.actor.full_name or event.actor.username) if event.actor else "",
        "ChucDanh": event.actor_role,
        "ThoiDiemXuLy": portal_date(event.at),
        "PhongBanXuLy": event.unit.name if event.unit else "",
        "NoiDungXuLy": " – ".join(filter(None, [str(Action(event.action).label), event.note])),
        "TrangThai": str(NATIONAL_CODE[Status(event.to_status)]),
        "NgayBatDau": portal_date(event.at),
        "NgayKetThucTheoQuyDinh": portal_date(step_due or due),
    }
