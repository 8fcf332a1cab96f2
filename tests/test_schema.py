"""The declarative description is sound: names Excel accepts, labels in both languages."""
from __future__ import annotations

import re

import pytest

from planmkg_xl.model.fields import Kind
from planmkg_xl.model.schema import SCALARS, SHEETS, TABLES

_TABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]{0,254}$")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sheet_titles_are_valid_excel_names(lang):
    titles = [s.title(lang) for s in SHEETS]
    assert len(set(titles)) == len(titles)
    for t in titles:
        assert 0 < len(t) <= 31 and not set(t) & set("[]:*?/\\")


def test_table_names_and_codenames_are_unique_and_valid():
    names = [t.name for t in TABLES.values()]
    assert len(set(n.lower() for n in names)) == len(names)
    assert all(_TABLE_NAME.match(n) for n in names)
    codes = [s.codename for s in SHEETS]
    assert len(set(codes)) == len(codes)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_headers_unique_within_each_table(lang):
    for table in TABLES.values():
        labels = [" ".join(f.label(lang).split()).casefold() for f in table.fields]
        assert len(set(labels)) == len(labels), table.key


def test_headers_do_not_collide_across_languages():
    """The reader accepts a header in either language: no FR label may be another field's EN label."""
    for table in TABLES.values():
        owner = {}
        for f in table.fields:
            for label in {f.label.fr.casefold(), f.label.en.casefold(), f.key.casefold()}:
                assert owner.setdefault(label, f.key) == f.key, (table.key, label)


def test_scalar_keys_are_valid_defined_names():
    for key in SCALARS:
        assert re.match(r"^[a-z_][a-z0-9_]*$", key)
        assert not re.match(r"^[a-z]{1,3}\d+$", key), f"{key} looks like a cell reference"


def test_every_derived_metric_has_its_definition():
    """The definition is the cell comment a user reads (the seed put definitions in comments)."""
    undefined = [f"{t.key}.{f.key}" for t in TABLES.values() for f in t.derived if f.definition is None]
    undefined += [k for k, f in SCALARS.items() if f.derived and f.definition is None]
    assert undefined == []


def test_every_ratio_is_derived_never_typed():
    """PLAN_SPEC §1: counts and amounts are inputs; every ratio is derived."""
    for t in TABLES.values():
        for f in t.fields:
            if f.kind in (Kind.RATIO, Kind.MULTIPLE):
                assert f.derived, f"{t.key}.{f.key}"


def test_choice_keys_are_unique():
    for t in TABLES.values():
        for f in t.fields:
            keys = [c.key for c in f.choices]
            assert len(set(keys)) == len(keys)
