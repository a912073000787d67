"""Plan templates render under a budget: size, repeats, powers, ranges, format widths."""

from __future__ import annotations

import pytest

from reportgen import render_budget as rb


def _env():
    return rb.environment_class()()


def test_render_renders_within_the_budget() -> None:
    template = _env().from_string("{% for i in range(3) %}{{ i * 2 }},{% endfor %}")
    assert rb.render(template, {}) == "0,2,4,"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ 'x' * 10000000 }}", "repeat"),
        ("{{ 10 ** 100000000 }}", "too large a number"),
        ("{{ range(10000000) | list | length }}", "range"),
        ("{{ '%99999999d' % 1 }}", "format width"),
        ("{{ lipsum(1000) }}", "lipsum"),
    ],
)
def test_render_refuses_what_goes_past_the_budget(source: str, message: str) -> None:
    with pytest.raises(rb.BudgetExceeded, match=message):
        rb.render(_env().from_string(source), {})


def test_binop_checks_repeats_and_powers() -> None:
    rb.binop("*", "ab", 3)
    with pytest.raises(rb.BudgetExceeded, match="repeat"):
        rb.binop("*", [1, 2], rb.MAX_SIZE)
    with pytest.raises(rb.BudgetExceeded):
        rb.binop("**", 2, 10**9)


def test_budget_range_is_a_small_range() -> None:
    r = rb.BudgetRange(2, 10, 3)
    assert list(r) == [2, 5, 8] and len(r) == 3 and 5 in r and r[1] == 5
    assert list(reversed(r)) == [8, 5, 2]
    with pytest.raises(rb.BudgetExceeded):
        rb.BudgetRange(rb.MAX_RANGE + 1)


def test_guards_check_arguments() -> None:
    rb.arguments((1, "a"), {"width": 10})
    with pytest.raises(rb.BudgetExceeded):
        rb.arguments((rb.MAX_SIZE + 1,), {})
    guarded = rb.guard_filter(lambda s, width=80: s.center(width))
    assert guarded("x", width=3) == " x "
    with pytest.raises(rb.BudgetExceeded):
        guarded("x", width=rb.MAX_SIZE + 1)
    rb.guard_call("x".center, (5,), {})
    with pytest.raises(rb.BudgetExceeded):
        rb.guard_call("x".center, (rb.MAX_SIZE + 1,), {})
    with pytest.raises(rb.BudgetExceeded, match="format width"):
        rb.guard_call("{:99999999}".format, (1,), {})
