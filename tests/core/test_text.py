import pytest

from motcua.core.text import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đăng ký khai sinh", "dang ky khai sinh"),
        ("CHỨNG THỰC", "chung thuc"),
        ("  Giỗ   Tổ Hùng Vương ", "gio to hung vuong"),
        ("Người có công", "nguoi co cong"),
        ("", ""),
    ],
)
def test_fold_strips_vietnamese_diacritics_and_case(text, folded):
    assert fold(text) == folded
