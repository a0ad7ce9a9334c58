"""Electronic identifiers (mã định danh): loose on the alphabet, strict on the shape."""

import pytest
from django.core.exceptions import ValidationError

from motcua.agencies.identifiers import (
    INVALID_UNIT_IDENTIFIER,
    is_unit_identifier,
    normalise_unit_identifier,
    unit_identifier_validator,
)
from motcua.agencies.services import unit_create
from tests.factories.agencies import LevelFactory


@pytest.mark.parametrize(
    "code, reason",
    [
        ("000.00.06.H56", "Thanh Hóa, from a real dossier code"),
        ("000.00.01.H22", "Hà Giang unit used in the national portal sync"),
        ("000.00.00.G12", "a ministry (G) rather than a province"),
        ("001.23.45.H56", "a commune: non-zero leading groups"),
        ("A01.B2.C3.K99", "letters inside groups are tolerated"),
        (" 000.00.06.h56 ", "spaces and lower case are normalised"),
    ],
)
def test_well_formed_identifiers_are_accepted(code, reason):
    assert is_unit_identifier(code), reason
    unit_identifier_validator(normalise_unit_identifier(code))


@pytest.mark.parametrize(
    "code, reason",
    [
        ("", "empty"),
        ("abc", "garbage"),
        ("000.00.06", "a group is missing"),
        ("000.00.06.H56.01", "a group too many"),
        ("000-00-06-H56", "wrong separators"),
        ("0000.00.06.H56", "first group too long"),
        ("000.0.06.H56", "second group too short"),
        ("000.00.06.556", "last group must start with a letter"),
        ("000.00.06.H5", "last group too short"),
        ("000.00.06.H56-231027-0361", "a dossier code, not a unit identifier"),
        ("000. 00.06.H56", "space inside"),
        ("000.00.06.Ĥ56", "non-ASCII letter"),
    ],
)
def test_garbage_is_rejected(code, reason):
    assert not is_unit_identifier(code), reason
    with pytest.raises(ValidationError) as caught:
        unit_identifier_validator(normalise_unit_identifier(code))
    assert caught.value.messages == [str(INVALID_UNIT_IDENTIFIER)]


@pytest.mark.django_db
def test_a_unit_cannot_be_created_with_a_garbage_identifier():
    with pytest.raises(ValidationError) as caught:
        unit_create(code="UBND-01", name="Xã Sai Mã", level=LevelFactory())
    assert str(INVALID_UNIT_IDENTIFIER) in caught.value.message_dict["code"]


@pytest.mark.django_db
def test_identifiers_are_stored_normalised():
    unit = unit_create(code=" 000.00.06.h56", name="Tỉnh Mẫu", level=LevelFactory(province=True))
    assert unit.code == "000.00.06.H56"
    assert unit.path == "/000.00.06.H56/"
