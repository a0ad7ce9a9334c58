"""What every form of the site does for screen readers (WCAG 2.1: 1.3.1 info and
relationships, 3.3.1 error identification): each field names its hint and, once invalid, its
error message with `aria-describedby`, and says it is invalid with `aria-invalid`.

The templates print the hint as `<… id="<ref>-hint">` and the error as `<… id="<ref>-error">`;
`field_ref` says what `<ref>` is for a field (its name by default; an app whose pages hold
several forms uses the prefixed id)."""


class DescribedFieldsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe_fields()

    def field_ref(self, name: str) -> str:
        return name

    def full_clean(self):
        super().full_clean()
        self.describe_fields()

    def add_error(self, field, error):
        super().add_error(field, error)
        self.describe_fields()

    def describe_fields(self) -> None:
        # Only the errors already found: asking `self.errors` here would validate too early.
        errors = getattr(self, "_errors", None) or {}
        for name, field in self.fields.items():
            ref = self.field_ref(name)
            described = [f"{ref}-hint"] if field.help_text else []
            if name in errors:
                described.append(f"{ref}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)
