"""`manage.py api_token_create USERNAME NAME`: make an API token and print it, once."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from motcua.api.tokens import api_token_create


class Command(BaseCommand):
    help = "Tạo mã truy cập API cho một tài khoản; mã chỉ được in ra một lần."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("name", help="what the token is for, e.g. 'bưu điện tỉnh'")

    def handle(self, *args, username: str, name: str, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"Không có tài khoản đang hoạt động tên “{username}”.")
        _token, raw = api_token_create(user=user, name=name)
        self.stderr.write("Lưu mã này ngay: hệ thống chỉ giữ mã băm, không thể xem lại.")
        self.stdout.write(raw)
