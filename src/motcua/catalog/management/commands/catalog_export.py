"""`motcua catalog_export FILE`: write the current catalog as a catalog file."""

from django.core.management.base import BaseCommand

from motcua.catalog.importer import catalog_export


class Command(BaseCommand):
    help = "Xuất danh mục thủ tục (phiên bản hiện hành) ra tệp YAML."

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp YAML sẽ ghi")

    def handle(self, *args, file: str, **options):
        count = catalog_export(path=file)
        self.stdout.write(self.style.SUCCESS(f"Đã xuất {count} thủ tục ra {file}"))
