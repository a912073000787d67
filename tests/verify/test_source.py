"""What the outputs may show, read once: values, derived values by unit, the file's name."""

from __future__ import annotations

from reportgen.extract import extract_text
from reportgen.model import ChartSeries, ChartSpec
from reportgen.verify.source import Source, fold


def test_the_source_indexes_values_names_and_derived_values_by_unit() -> None:
    model = extract_text("标题\n\n全市制度创新成果52项，其中国家级7项。\n", name="zh-163-a.txt")
    spec = ChartSpec(
        id="c1",
        kind="stacked",
        title="构成",
        unit="项",
        series=[
            ChartSeries(
                labels=["国家级", "其他"], values=[7, 45], facts=["f2", None], derived=[False, True]
            )
        ],
    )
    source = Source.of(model, [spec])
    assert source.names == ["zh-163-a.txt", "zh-163-a"]
    assert source.derived_units == {"项": [45.0]}
    assert 52.0 in source.values and source.uses("创新")
    assert not source.uses("没有")
    assert source.folded_casefold == fold(model.text).casefold()


def test_the_publication_date_is_provenance_not_a_figure() -> None:
    from reportgen.verify.checks import check_numbers
    from reportgen.verify.findings import Piece

    model = extract_text("标题\n\n全市制度创新成果52项，其中国家级7项。\n", name="a.txt")
    model.date = "2017-12-13"  # from the page's metadata: in no line of the text
    source = Source.of(model, [])
    assert "2017-12-13" in source.names
    assert check_numbers([Piece("deck slide 1", "2017-12-13")], source) == []
    assert check_numbers([Piece("deck slide 1", "2017-12-14")], source) != []
