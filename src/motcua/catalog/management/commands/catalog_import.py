"""`motcua catalog_import FILE`: load a catalog file (docs/catalog.md) into the database."""

from django.core.management.base import BaseCommand, CommandError

from motcua.catalog.importer import catalog_import
from motcua.catalog.validation import CatalogInvalid


class Command(BaseCommand):
    help = "Nhập danh mục thủ tục từ tệp YAML (mọi lỗi được liệt kê, không ghi gì nếu có lỗi)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp YAML theo định dạng motcua-catalog/1")

    def handle(self, *args, file: str, **options):
        try:
            report = catalog_import(path=file)
        except FileNotFoundError as error:
            raise CommandError(f"Không tìm thấy tệp: {file}") from error
        except CatalogInvalid as error:
            raise CommandError(
                "Tệp danh mục không hợp lệ, không nhập gì:\n" + "\n".join(error.problems)
            ) from error
        self.stdout.write(self.style.SUCCESS(f"Đã nhập {file}: {report.summary()}"))
