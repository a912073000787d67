"""The Chinese units of measure: each reads as a base unit and a multiplier."""

from __future__ import annotations

from reportgen.ingest.units import UNITS_ZH


def test_a_scaled_unit_is_its_base_times_its_scale() -> None:
    assert UNITS_ZH["亿元"] == ("元", 1e8)
    assert UNITS_ZH["万吨"] == ("吨", 1e4)
    assert UNITS_ZH["印度卢比"] == ("卢比", 1)


def test_compound_measure_words_are_units_of_their_own() -> None:
    """批次, 标准箱 and 个基点 are read whole, not as their first character (批, 标, 个)."""
    for unit in ("批次", "标准箱", "个基点", "人次"):
        assert UNITS_ZH[unit][0] in (unit, "个基点")


def test_every_base_unit_is_positive_and_named() -> None:
    for unit, (base, factor) in UNITS_ZH.items():
        assert base and factor > 0, unit
