"""Plain values that services take from pages, the API and the demo loader."""

from dataclasses import dataclass
from datetime import date, datetime

from motcua.dossiers.models import ApplicantKind


@dataclass(frozen=True, slots=True)
class ApplicantData:
    """The applicant (chủ hồ sơ) and, if someone submits for them, the authorised submitter."""

    name: str
    id_number: str = ""  # CCCD (12 digits) for a person, tax code for an organisation
    kind: str = ApplicantKind.PERSON
    address: str = ""
    phone: str = ""
    email: str = ""
    submitter_name: str = ""
    submitter_id_number: str = ""
    submitter_phone: str = ""
    authorisation_note: str = ""


@dataclass(frozen=True, slots=True)
class ReceivedComponent:
    """A component ticked at the counter: how many originals and copies were handed in."""

    name: str
    originals: int = 0
    copies: int = 0
    component_id: int | None = None  # catalog.Component of the procedure version, if any


@dataclass(frozen=True, slots=True)
class PostalReceipt:
    """A dossier that came through the public postal service (Decision 45/2016/QĐ-TTg)."""

    waybill: str
    handed_over_at: datetime


@dataclass(frozen=True, slots=True)
class ResultData:
    """A result document recorded at approval (number, signer, date; a file is optional)."""

    name: str
    number: str = ""
    signer: str = ""
    signed_on: date | None = None
    is_refusal: bool = False
    file_id: int | None = None  # a DossierFile already attached with purpose "result"
