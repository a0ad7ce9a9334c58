"""The catalog file: parse a YAML document into content values, and write one back.

The format is documented in HEADER (written at the top of every exported file) and in
docs/catalog.md. Export → import gives the same content, because both directions go through
the content values of content.py.
"""

import re

import yaml

from motcua.accounts.roles import Role
from motcua.catalog.choices import (
    Channel,
    FeeFormula,
    FeeKind,
    FeeSetBy,
    FeeUnit,
    OnlineLevel,
    StageMode,
    StepActor,
    TimeLimitKind,
    Verification,
)
from motcua.catalog.content import ComponentItem, FeeRule, ProcedureContent, Stage, Step, TimeLimit
from motcua.catalog.entries import FORMAT, Catalog, FieldEntry, ProcedureEntry
from motcua.catalog.validation import (
    DUPLICATE,
    EMPTY,
    INVALID_CHOICE,
    NATIONAL_CODE_TAKEN,
    NOT_ALLOWED,
    NOT_MAPPING,
    ONLINE_NEEDS_CHANNEL,
    PERIOD_ORDER,
    REQUIRED,
    SHARES_SUM,
    UNKNOWN_REF,
    WRONG_FORMAT,
    CatalogInvalid,
    Reader,
    References,
)

FILE = "tệp"  # where a problem is when it is not inside one procedure
YAML_UNREADABLE = "tệp: không đọc được YAML: {error}"
# libyaml parses the shipped file ~6× faster; `make setup` imports it on every run.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CODE = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
_NATIONAL_CODE = re.compile(r"^\d+\.\d+$")
_ENTRY_KEYS = {"code", "national_code", "national_code_verified", "name", "name_en", "field",
               "level", "level_note", "level_before_2025_07", "level_before_2025_07_note",
               "competent_unit", "online_level", "channels", "time_limit", "fee_text", "fees",
               "components", "results", "legal_basis", "sources", "notes", "verification",
               "process"}
_LIMIT_KEYS = {"kind", "value", "verification_extension_working_days", "text", "exclusions",
               "stage_mode", "stages"}
_STAGE_KEYS = {"case", "kind", "value", "verification_extension_working_days"}
_FEE_KEYS = {"name", "kind", "amount", "formula", "unit", "set_by", "example", "unverified",
             "free_if_on_time", "online_discount", "note"}
_ONLINE_LEVELS_NEEDING_CHANNEL = {OnlineLevel.PARTIAL, OnlineLevel.FULL, OnlineLevel.LEGACY_3,
                                  OnlineLevel.LEGACY_4}


def load_text(text: str, *, refs: References) -> Catalog:
    try:
        document = yaml.load(text, Loader=_LOADER)  # a safe loader: no Python objects
    except yaml.YAMLError as error:
        raise CatalogInvalid([YAML_UNREADABLE.format(error=error)]) from error
    return parse_catalog(document, refs=refs)


def parse_catalog(document, *, refs: References) -> Catalog:
    """The catalog, or CatalogInvalid listing every problem found."""
    problems: list[str] = []
    top = Reader(FILE, problems)
    if not isinstance(document, dict):
        raise CatalogInvalid([f"{FILE}: {NOT_MAPPING}"])
    top.check_keys(document, {"format", "fields", "procedures"})
    if document.get("format") != FORMAT:
        top.fail("format", WRONG_FORMAT.format(expected=FORMAT))
    fields = _fields(top, document)
    known_fields = refs.fields | {entry.code for entry in fields}
    raw = top.items(document, "procedures", required=True)
    # The file is authoritative for its own procedures: only codes held by procedures outside
    # the file can clash.
    in_file = {data.get("code") for data in raw if isinstance(data, dict)}
    national_codes = {nc: c for nc, c in refs.national_codes.items() if c not in in_file}
    procedures: list[ProcedureEntry] = []
    for index, data in enumerate(raw):
        entry = _procedure(index, data, refs=refs, known_fields=known_fields, problems=problems)
        if entry is None:
            continue
        if any(other.code == entry.code for other in procedures):
            problems.append(f"{entry.code}: code: {DUPLICATE.format(value=entry.code)}")
        other = national_codes.get(entry.national_code, entry.code)
        if entry.national_code and other != entry.code:
            message = NATIONAL_CODE_TAKEN.format(value=entry.national_code, other=other)
            problems.append(f"{entry.code}: national_code: {message}")
        national_codes.setdefault(entry.national_code, entry.code)
        procedures.append(entry)
    if problems:
        raise CatalogInvalid(problems)
    return Catalog(tuple(fields), tuple(procedures))


def _fields(top: Reader, document: dict) -> list[FieldEntry]:
    entries: list[FieldEntry] = []
    for reader, data in top.mappings(document, "fields"):
        reader.check_keys(data, {"code", "name"})
        code, name = reader.text(data, "code", required=True), reader.text(data, "name",
                                                                            required=True)
        if code in {entry.code for entry in entries}:
            reader.fail("code", DUPLICATE.format(value=code))
        entries.append(FieldEntry(code, name))
    return entries


def _procedure(index, data, *, refs, known_fields, problems) -> ProcedureEntry | None:
    if not isinstance(data, dict):
        problems.append(f"procedures[{index}]: {NOT_MAPPING}")
        return None
    code = data.get("code")
    valid_code = isinstance(code, str) and _CODE.match(code)
    r = Reader(code if valid_code else f"procedures[{index}]", problems)
    if not valid_code:
        r.fail("code", REQUIRED if code is None else INVALID_CHOICE.format(value=code))
    r.check_keys(data, _ENTRY_KEYS)
    national_code = r.text(data, "national_code")
    if national_code and not _NATIONAL_CODE.match(national_code):
        r.fail("national_code", INVALID_CHOICE.format(value=national_code))
    before = len(problems)
    content = _content(r, data, refs=refs, known_fields=known_fields)
    if len(problems) > before or not valid_code:
        return None
    return ProcedureEntry(code, content, national_code, r.flag(data, "national_code_verified"))


def _content(r: Reader, data: dict, *, refs: References, known_fields) -> ProcedureContent:
    channels = _channels(r, data)
    online_level = r.choice(data, "online_level", OnlineLevel)
    if online_level in _ONLINE_LEVELS_NEEDING_CHANNEL and Channel.ONLINE not in channels:
        r.fail("online_level", ONLINE_NEEDS_CHANNEL.format(value=online_level))
    return ProcedureContent(
        name=r.text(data, "name", required=True),
        name_en=r.text(data, "name_en"),
        field=r.reference(data, "field", known_fields, required=True),
        level=r.reference(data, "level", refs.levels, required=True),
        level_note=r.text(data, "level_note"),
        level_before_2025_07=r.reference(data, "level_before_2025_07", refs.levels),
        level_before_2025_07_note=r.text(data, "level_before_2025_07_note"),
        competent_unit=r.reference(data, "competent_unit", refs.units),
        online_level=online_level,
        channels=channels,
        time_limit=_time_limit(r, data),
        fee_text=r.text(data, "fee_text"),
        fees=tuple(_fee(reader, item) for reader, item in r.mappings(data, "fees")),
        components=tuple(
            _component(reader, item, refs) for reader, item in r.mappings(data, "components")
        ),
        results=r.texts(data, "results"),
        legal_basis=r.texts(data, "legal_basis"),
        sources=r.texts(data, "sources"),
        notes=r.text(data, "notes"),
        verification=r.choice(data, "verification", Verification),
        process=_process(r, data),
    )


def _channels(r: Reader, data: dict) -> tuple[int, ...]:
    codes = r.items(data, "channels", required=True)
    for index, code in enumerate(codes):
        if isinstance(code, bool) or code not in Channel.values:
            r.fail(f"channels[{index}]", INVALID_CHOICE.format(value=code))
        elif codes.index(code) != index:
            r.fail(f"channels[{index}]", DUPLICATE.format(value=code))
    if "channels" in data and not codes:
        r.fail("channels", EMPTY)
    return tuple(sorted({c for c in codes if not isinstance(c, bool) and c in Channel.values}))


def _time_limit(parent: Reader, data: dict) -> TimeLimit:
    limit = data.get("time_limit")
    if not isinstance(limit, dict):
        parent.fail("time_limit", REQUIRED if limit is None else NOT_MAPPING)
        return TimeLimit(kind="")
    r = parent.child("time_limit")
    r.check_keys(limit, _LIMIT_KEYS)
    kind = r.choice(limit, "kind", TimeLimitKind)
    staged = kind == TimeLimitKind.STAGED
    value, extension = _limit_amounts(r, limit, kind)
    stages = tuple(_stage(reader, item) for reader, item in r.mappings(limit, "stages"))
    stage_mode = r.choice(limit, "stage_mode", StageMode, required=staged)
    if staged and not stages:
        r.fail("stages", REQUIRED)
    for key in ("stages", "stage_mode"):
        if not staged and limit.get(key):
            r.fail(key, NOT_ALLOWED.format(reason=f'kind "{kind}"'))
    return TimeLimit(kind, value, extension, r.text(limit, "text"), r.texts(limit, "exclusions"),
                     stage_mode, stages)


def _limit_amounts(r: Reader, data: dict, kind: str):
    """value / extension with the rules that tie them to the kind."""
    value = r.number(data, "value")
    extension = r.number(data, "verification_extension_working_days")
    if kind == TimeLimitKind.SAME_DAY and value is not None:
        r.fail("value", NOT_ALLOWED.format(reason='kind "same_day"'))
    if kind == TimeLimitKind.CALENDAR_DAYS and extension is not None:
        # The law states verification extensions in working days; mixing units is an error.
        r.fail("verification_extension_working_days",
               NOT_ALLOWED.format(reason='kind "calendar_days"'))
    return value, extension


def _stage(r: Reader, data: dict) -> Stage:
    r.check_keys(data, _STAGE_KEYS)
    kind = r.choice(data, "kind", TimeLimitKind)
    if kind == TimeLimitKind.STAGED:
        r.fail("kind", INVALID_CHOICE.format(value=kind))
    value, extension = _limit_amounts(r, data, kind)
    return Stage(r.text(data, "case", required=True), kind, value, extension)


def _fee(r: Reader, data: dict) -> FeeRule:
    r.check_keys(data, _FEE_KEYS)
    amount = r.count(data, "amount")
    formula = r.choice(data, "formula", FeeFormula, required=False)
    if amount is not None and formula:
        r.fail("formula", NOT_ALLOWED.format(reason="amount"))
    percent = starts = until = None
    discount = data.get("online_discount")
    if discount is not None and not isinstance(discount, dict):
        r.fail("online_discount", NOT_MAPPING)
    elif discount is not None:
        d = r.child("online_discount")
        d.check_keys(discount, {"percent", "from", "until"})
        percent = d.count(discount, "percent")
        if percent is None or not 1 <= percent <= 100:
            d.fail("percent", INVALID_CHOICE.format(value=discount.get("percent")))
        starts, until = d.day(discount, "from"), d.day(discount, "until")
        if starts and until and starts > until:
            d.fail("from", PERIOD_ORDER)
    return FeeRule(
        name=r.text(data, "name", required=True),
        kind=r.choice(data, "kind", FeeKind),
        amount=amount,
        formula=formula,
        unit=r.choice(data, "unit", FeeUnit, required=False, default=FeeUnit.PER_CASE.value),
        set_by=r.choice(data, "set_by", FeeSetBy),
        example=r.flag(data, "example"),
        unverified=r.flag(data, "unverified"),
        free_if_on_time=r.flag(data, "free_if_on_time"),
        online_discount_percent=percent,
        online_discount_from=starts,
        online_discount_until=until,
        note=r.text(data, "note"),
    )


def _component(r: Reader, data: dict, refs: References) -> ComponentItem:
    r.check_keys(data, {"name", "originals", "copies", "required", "template"})
    template = r.text(data, "template")
    if template and not refs.template_exists(template):
        r.fail("template", UNKNOWN_REF.format(value=template))
    return ComponentItem(
        name=r.text(data, "name", required=True),
        originals=r.count(data, "originals", default=1),
        copies=r.count(data, "copies", default=0),
        required=r.flag(data, "required", default=True),
        template=template,
    )


def _process(r: Reader, data: dict) -> tuple[Step, ...]:
    steps = []
    for reader, item in r.mappings(data, "process", required=True):
        reader.check_keys(item, {"name", "role", "actor", "share", "agency"})
        actor = reader.choice(item, "actor", StepActor)
        share = reader.count(item, "share")
        if share is None or not 1 <= share <= 100:
            reader.fail("share", INVALID_CHOICE.format(value=item.get("share")))
        agency = reader.text(item, "agency", required=actor == StepActor.OTHER_AGENCY)
        name, role = reader.text(item, "name", required=True), reader.choice(item, "role", Role)
        steps.append(Step(name, role, actor, share or 0, agency))
    total = sum(step.share for step in steps)
    if steps and total != 100:
        r.fail("process", SHARES_SUM.format(total=total))
    return tuple(steps)
