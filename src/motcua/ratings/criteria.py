"""The nine criteria of the evaluation of administrative-procedure settlement (Decree 61/2018
Art. 35, Circular 01/2018/TT-VPCP; DOMAIN.md §6.1), each scored 2, 1 or 0 points (18 in all),
asked in plain words with one plain answer per score.

The point rules per answer are not verified against the circular's text (DOMAIN.md §6.1 marks
them [unverified]); they are data here, so a province can correct the wording without touching
the service or the stored scores.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True, slots=True)
class Criterion:
    number: int
    title: str  # the criterion as the circular names it
    question: str  # how the page asks it
    answers: tuple[tuple[int, str], ...]  # (points, plain answer), best first

    @property
    def field(self) -> str:
        return f"c{self.number}"


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        1, _("Tổng thời gian giải quyết thủ tục hành chính so với quy định của pháp luật"),
        _("Hồ sơ của bạn được giải quyết xong so với ngày hẹn như thế nào?"),
        ((2, _("Sớm hơn ngày hẹn")), (1, _("Đúng ngày hẹn")), (0, _("Trễ hơn ngày hẹn"))),
    ),
    Criterion(
        2, _("Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết"),
        _("Các cơ quan, đơn vị tham gia giải quyết có làm đúng thời gian không?"),
        ((2, _("Tất cả đều đúng hoặc sớm hơn thời gian")),
         (1, _("Có nơi chậm nhưng đã xin lỗi và hẹn lại")),
         (0, _("Có nơi chậm mà không xin lỗi"))),
    ),
    Criterion(
        3, _("Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ (kể cả trực tuyến)"),
        _("Bạn đã phải liên hệ mấy lần để hoàn thiện hồ sơ?"),
        ((2, _("Không lần nào hoặc 1 lần")), (1, _("2 lần")), (0, _("3 lần trở lên"))),
    ),
    Criterion(
        4, _("Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ (kể cả trực "
             "tuyến)"),
        _("Bạn đã phải liên hệ bao nhiêu cơ quan, đơn vị để hoàn thiện hồ sơ?"),
        ((2, _("Chỉ 1 nơi")), (1, _("2 nơi")), (0, _("3 nơi trở lên"))),
    ),
    Criterion(
        5, _("Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa"),
        _("Việc nộp hồ sơ và nhận kết quả có được thực hiện trọn vẹn qua Bộ phận Một cửa "
          "(hoặc trực tuyến, bưu chính) không?"),
        ((2, _("Có, tôi không phải đến nơi nào khác")),
         (1, _("Có lúc tôi phải đến nơi khác")),
         (0, _("Tôi phải làm việc trực tiếp với phòng chuyên môn"))),
    ),
    Criterion(
        6, _("Công khai các thủ tục hành chính"),
        _("Thông tin về thủ tục (giấy tờ, thời hạn, lệ phí) có được công khai đầy đủ không?"),
        ((2, _("Đầy đủ, dễ tìm")), (1, _("Có nhưng chưa đầy đủ")), (0, _("Không tìm thấy"))),
    ),
    Criterion(
        7, _("Thái độ của cán bộ, công chức, viên chức khi hướng dẫn lập hồ sơ, tiếp nhận hồ sơ "
             "và giải quyết thủ tục hành chính"),
        _("Cán bộ hướng dẫn, tiếp nhận và giải quyết hồ sơ có thái độ thế nào?"),
        ((2, _("Lịch sự, tận tình")), (1, _("Bình thường")),
         (0, _("Gây phiền hà, sách nhiễu"))),
    ),
    Criterion(
        8, _("Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị của tổ chức, cá nhân"),
        _("Ý kiến, phản ánh của bạn (nếu có) có được tiếp thu và trả lời không?"),
        ((2, _("Có, hoặc tôi không có ý kiến nào")), (1, _("Có trả lời nhưng chưa thỏa đáng")),
         (0, _("Không được trả lời"))),
    ),
    Criterion(
        9, _("Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền"),
        _("Dịch vụ công trực tuyến (nộp, theo dõi, nhận kết quả) có nhanh và dễ dùng không?"),
        ((2, _("Nhanh, dễ dùng")), (1, _("Còn chậm hoặc có lỗi")), (0, _("Không dùng được"))),
    ),
)

FIELDS = tuple(criterion.field for criterion in CRITERIA)
