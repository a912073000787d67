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
