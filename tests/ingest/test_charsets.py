"""Charset labels map to Python codecs as the HTML standard reads them."""

from __future__ import annotations

import codecs

from reportgen.ingest.charsets import LABELS, WHATWG


def test_every_target_is_a_python_text_codec() -> None:
    for codec in {*WHATWG.values(), *LABELS.values()}:
        assert codecs.lookup(codec).name, codec
        assert "é".encode().decode(codec, "replace")


def test_utf16_declared_in_a_byte_stream_means_utf8() -> None:
    assert WHATWG[codecs.lookup("utf-16").name] == "utf-8"


def test_the_gb_family_decodes_as_gb18030() -> None:
    assert WHATWG["gbk"] == WHATWG["gb2312"] == "gb18030"
