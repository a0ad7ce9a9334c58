"""Closed vocabularies of the catalog. The stored values are the codes of our YAML format
(docs/catalog.md), so the data file, the database and the API speak the same words."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeLimitKind(models.TextChoices):
    WORKING_DAYS = "working_days", _("Ngày làm việc")
    WORKING_HOURS = "working_hours", _("Giờ làm việc")
    CALENDAR_DAYS = "calendar_days", _("Ngày (theo lịch)")
    # "Ngay trong ngày; nhận sau 15 giờ trả trong ngày làm việc tiếp theo" (DOMAIN.md §2.3).
    SAME_DAY = "same_day", _("Trong ngày (mốc 15 giờ)")
    STAGED = "staged", _("Theo giai đoạn / trường hợp")


class StageMode(models.TextChoices):
    # Stages run one after another (xã → phòng → chủ tịch): the total is their sum.
    SEQUENCE = "sequence", _("Các giai đoạn nối tiếp")
    # Stages are alternative cases of one procedure (bổ sung vs cải chính): the desk picks one.
    CASES = "cases", _("Các trường hợp (chọn một)")


class OnlineLevel(models.TextChoices):
    """Decree 42/2022 levels, plus the Decree 43/2011 ones kept for history (DOMAIN.md §1.6)."""

    INFO = "info", _("Cung cấp thông tin trực tuyến")
    PARTIAL = "partial", _("Dịch vụ công trực tuyến một phần")
    FULL = "full", _("Dịch vụ công trực tuyến toàn trình")
    LEGACY_2 = "legacy_2", _("Mức độ 2 (NĐ 43/2011)")
    LEGACY_3 = "legacy_3", _("Mức độ 3 (NĐ 43/2011)")
    LEGACY_4 = "legacy_4", _("Mức độ 4 (NĐ 43/2011)")


class Channel(models.IntegerChoices):
    """National channel codes (kênh thực hiện) used by the national portal and the reports."""

    DIRECT = 1, _("Trực tiếp")
    ONLINE = 2, _("Trực tuyến")
    POSTAL = 3, _("Qua bưu chính công ích")


class FeeKind(models.TextChoices):
    # Phí pays for a service; lệ phí is a state charge (Luật Phí và lệ phí 2015).
    CHARGE = "phi", _("Phí")
    LEVY = "le_phi", _("Lệ phí")


class FeeUnit(models.TextChoices):
    PER_CASE = "per_case", _("mỗi trường hợp")
    PER_COPY = "per_copy", _("mỗi bản")
    PER_DOCUMENT = "per_document", _("mỗi hợp đồng, văn bản")


class FeeFormula(models.TextChoices):
    # A named, tested function in pricing.py — never an expression evaluated from data.
    CERTIFIED_COPY_PAGES = "certified_copy_pages", _("Theo số trang bản chính (chứng thực)")


class FeeSetBy(models.TextChoices):
    NATIONAL = "national", _("Trung ương quy định")
    # TT 85/2019/TT-BTC: the provincial People's Council sets most one-stop levies.
    PROVINCIAL_COUNCIL = "provincial_council", _("HĐND tỉnh quy định")


class Verification(models.TextChoices):
    SEEN = "seen", _("Đã đối chiếu nguồn")
    PARTLY = "partly", _("Đối chiếu một phần")
    UNVERIFIED = "unverified", _("Chưa xác minh")


class StepActor(models.TextChoices):
    DESK = "desk", _("Bộ phận Một cửa")
    SPECIALIST = "specialist", _("Phòng chuyên môn")
    LEADER = "leader", _("Lãnh đạo")
    # Liên thông: the step is done by another agency (police, social insurance, a department).
    OTHER_AGENCY = "other_agency", _("Cơ quan phối hợp (liên thông)")
