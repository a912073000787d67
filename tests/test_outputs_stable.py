"""Every output of the seed and the fixture articles is byte-identical to the recorded hashes.

A change meant to change outputs updates the record deliberately:
``python tests/output_hashes.py --update`` (then commit tests/fixtures/output_hashes.json).
"""

from __future__ import annotations

import json

import pytest
from output_hashes import HASHES, VARIANTS, build_all, diff

pytestmark = pytest.mark.slow


def test_outputs_match_recorded_hashes(tmp_path):
    expected = json.loads(HASHES.read_text(encoding="utf-8"))
    assert set(expected) == set(VARIANTS)
    actual = build_all(tmp_path)
    changes = diff(expected, actual)
    assert not changes, (
        "outputs changed; if meant, run python tests/output_hashes.py --update\n"
        + "\n".join(changes[:40])
    )
