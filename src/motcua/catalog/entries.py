"""The catalog file as values (a Catalog of FieldEntry and ProcedureEntry), and its writer.

Reading and checking a file is catalogfile.py; this module only turns values into YAML text,
with the format documented at the top of the file (HEADER) so a data editor needs no other
document.
"""

from dataclasses import dataclass

import yaml

from motcua.catalog.content import ProcedureContent

FORMAT = "motcua-catalog/1"

HEADER = """\
# Motcua procedure catalog (thủ tục hành chính). Format motcua-catalog/1, UTF-8.
# Import:  motcua catalog_import FILE     Export:  motcua catalog_export FILE
# Full description: docs/catalog.md. Keys left out take the default shown in [brackets].
#
# fields:      [{code: slug, name: Vietnamese name}]   (lĩnh vực; code is used by filters)
# procedures:  one entry per procedure:
#   code                    our stable catalog id (HT-01), used in URLs and the API; A-Z 0-9 -
#   national_code           mã TTHC on the national database (1.001193) [none]; unique
#   national_code_verified  true when the national code was seen in a source [false]
#   name, name_en           Vietnamese name (required), English name
#   field                   a field code
#   level                   competent level now: tinh | xa (| huyen for history); level_note
#   level_before_2025_07    level before the two-tier reform of 1/7/2025 when it differed
#                           [same as level]; level_before_2025_07_note
#   competent_unit          agencies.Unit code [none = the unit of `level` receiving the dossier]
#   online_level            info | partial (một phần) | full (toàn trình) | legacy_2..legacy_4
#   channels                [1 direct, 2 online, 3 postal] (national channel codes)
#   time_limit:
#     kind                  working_days | working_hours | calendar_days | same_day | staged
#                           (same_day = the 15:00 cut-off rule: received after 15:00 → next
#                           working day)
#     value                 number, up to 2 decimals (0.5 = half a day) [none = not fixed by law];
#                           for staged: the total in working days when the law states one
#     verification_extension_working_days   extra working days when verification is needed
#     text                  the limit as the legal text words it
#     exclusions            [time not counted: financial obligations, public posting…]
#     stage_mode            staged only: sequence (stages add up) | cases (one applies)
#     stages                staged only: [{case, kind, value, verification_extension_working_days}]
#   fee_text                the fees in words; `fees: []` means nothing is charged
#   fees:                   [{name, kind: phi | le_phi, amount (đồng, integer) or
#                           formula: certified_copy_pages, unit: per_case | per_copy |
#                           per_document [per_case], set_by: national | provincial_council,
#                           example: amount is one province's example [false],
#                           unverified [false], free_if_on_time [false],
#                           online_discount: {percent, from, until}, note}]
#                           no amount and no formula = amount not set in the catalog
#   components              [{name, originals, copies, required, template (storage name)}]
#                           originals 0 and copies 0 = shown at the desk, not handed in
#   results                 [result documents]
#   legal_basis, sources    [texts]; notes: text
#   verification            seen | partly | unverified  (how far the facts were checked)
#   process                 internal steps [{name, role: desk_officer | specialist | leader …,
#                           actor: desk | specialist | leader | other_agency, agency (for
#                           other_agency), share: percent of the time limit}]; shares sum to 100
"""


@dataclass(frozen=True)
class FieldEntry:
    code: str
    name: str


@dataclass(frozen=True)
class ProcedureEntry:
    code: str
    content: ProcedureContent
    national_code: str = ""
    national_code_verified: bool = False

    def to_dict(self) -> dict:
        identity: dict = {"code": self.code}
        if self.national_code:
            identity["national_code"] = self.national_code
        if self.national_code_verified:
            identity["national_code_verified"] = True
        return {**identity, **self.content.to_dict()}


@dataclass(frozen=True)
class Catalog:
    fields: tuple[FieldEntry, ...]
    procedures: tuple[ProcedureEntry, ...]

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "fields": [{"code": entry.code, "name": entry.name} for entry in self.fields],
            "procedures": [entry.to_dict() for entry in self.procedures],
        }


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):
        # Indent list items under their key: easier to read and to edit by hand.
        return super().increase_indent(flow, False)


def _list(dumper: yaml.SafeDumper, items: list):
    # Short lists of numbers (channels) read best inline: [1, 2, 3].
    inline = bool(items) and all(isinstance(item, int) for item in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=inline)


def _text(dumper: yaml.SafeDumper, text: str):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(list, _list)
_Dumper.add_representer(str, _text)


def dump_text(catalog: Catalog) -> str:
    body = yaml.dump(catalog.to_dict(), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=100)
    # A blank line between procedures, so the file reads (and diffs) procedure by procedure.
    head, marker, procedures = body.partition("\nprocedures:\n")
    procedures = procedures.replace("\n  - code: ", "\n\n  - code: ")
    return f"{HEADER}\n{head}{marker}{procedures}"
