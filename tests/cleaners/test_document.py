"""The records reading and cleaning make: frozen (a step returns new records, never
changes one), with the defaults readers rely on."""

from __future__ import annotations

import dataclasses

import pytest

from cleaners.document import Reject, Removal, Repair


@pytest.mark.parametrize("record", [Removal("rule", 0, 1, "x"), Repair("bom", "\ufeff", ""), Reject("a", "empty")])
def test_records_are_frozen(record: Removal | Repair | Reject) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, dataclasses.fields(record)[0].name, "b")


def test_defaults() -> None:
    assert Repair("bom", "\ufeff", "").count == 1
    assert (Reject("a", "empty").seq, Reject("a", "empty").place, Reject("a", "empty").detail) == (0, "", "")
