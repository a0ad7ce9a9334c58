"""The API's request parser: ninja's, refusing the NUL character in any value.

PostgreSQL text cannot hold NUL (0x00): a value carrying one reached the query and failed there
with a server error (found by schemathesis, tests/api/test_schemathesis.py). No field of the
API has a use for it, so it is refused up front, as a 422 `invalid_input` naming the field.
"""

from ninja.errors import ValidationError
from ninja.parser import Parser

NUL = "\x00"


class NulCharacter(ValueError):
    """A body value holds NUL; `loc` is its path (ninja turns parse errors of the body into a
    400, motcua.api.errors turns this cause back into a 422 naming the field)."""

    def __init__(self, loc: list):
        super().__init__("NUL character in " + ".".join(map(str, loc)))
        self.loc = loc


def nul_path(value, path: tuple = ()) -> list | None:
    """The path of the first string holding NUL in a parsed JSON value, or None."""
    if isinstance(value, str):
        return list(path) if NUL in value else None
    items = value.items() if isinstance(value, dict) else (
        enumerate(value) if isinstance(value, list) else ())
    for key, item in items:
        if isinstance(key, str) and NUL in key:
            return [*path, key]
        found = nul_path(item, (*path, key))
        if found is not None:
            return found
    return None


class NulRefusingParser(Parser):
    def parse_body(self, request):
        data = super().parse_body(request)
        loc = nul_path(data)
        if loc is not None:
            raise NulCharacter(["body", "payload", *loc])
        return data

    def parse_querydict(self, data, list_fields, request):
        source = "form" if data is request.POST else "query"
        for key, values in data.lists():
            if NUL in key or any(NUL in v for v in values if isinstance(v, str)):
                raise ValidationError([{"loc": [source, key], "type": "value_error",
                                        "msg": "NUL character"}])
        return super().parse_querydict(data, list_fields, request)
