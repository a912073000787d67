"""The chart helper process: same bytes as drawing in process, errors and deaths reported."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from factories import zh_model

from reportgen.charts import run

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the helper forks (Linux only)")


def _script(body: str, out: Path) -> subprocess.CompletedProcess:
    """Run ``body`` in a fresh interpreter (no matplotlib yet, one thread), as a build would."""
    code = textwrap.dedent(
        """
        import sys
        sys.path[:0] = [{tests!r}, {root!r}]
        from pathlib import Path
        from factories import zh_model
        from reportgen.charts import run
        from reportgen.charts.helper import ChartHelper
        out = Path({out!r})
        """
    ).format(tests=str(ROOT / "tests"), root=str(ROOT), out=str(out))
    env = {k: v for k, v in os.environ.items() if k != "REPORTGEN_CHART_HELPER"}
    return subprocess.run(
        [sys.executable, "-c", code + textwrap.dedent(body)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_helper_draws_the_same_bytes_while_this_process_goes_on(tmp_path) -> None:
    body = """
        helper = ChartHelper.start()
        assert helper is not None
        charts = run(zh_model(), out, helper=helper)
        for entry in charts:  # in the order a build saves them: the deck's, then the brief's
            charts.wait(entry.slide_png)
            assert entry.slide_png.is_file()
        for entry in charts:
            charts.wait(entry.page_png)
            assert entry.page_png.is_file()
        charts.finish()
        assert all(e.svg.is_file() for e in charts)
        assert not helper._proc.is_alive()
        print("matplotlib" in sys.modules)
    """
    done = _script(body, tmp_path / "helper")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"  # the drawing process imported it, not this one
    local = run(zh_model(), tmp_path / "local")
    names = sorted(p.name for p in (tmp_path / "local").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "helper").iterdir())
    assert len(local.entries) == 4
    for name in names:
        assert (tmp_path / "helper" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


@pytest.mark.parametrize(
    ("raise_", "expected"),
    [
        ('OutputError("disk full", path="x.png")', "OutputError x.png: disk full"),
        ('ValueError("bad value")', "ValueError bad value"),
        ("os._exit(9)", "ChartHelperError the chart drawing process died (exit code 9)"),
    ],
)
def test_drawing_failures_reach_the_main_process(tmp_path, raise_: str, expected: str) -> None:
    body = f"""
        import os
        from reportgen.charts import draw
        from reportgen.errors import OutputError

        def broken(*args, **kwargs):
            raise_it()

        def raise_it():
            {"raise " if "Error(" in raise_ else ""}{raise_}

        draw.draw_all = broken  # the forked helper inherits this
        helper = ChartHelper.start()
        charts = run(zh_model(), out, helper=helper)
        try:
            charts.wait(charts.entries[0].page_png)
        except Exception as exc:
            text = exc.message if hasattr(exc, "message") else str(exc)
            print(type(exc).__name__, text)
        helper.close()
        assert not helper._proc.is_alive()
    """
    done = _script(body, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == expected


def test_an_idle_helper_stops_when_closed(tmp_path) -> None:
    body = """
        import time
        helper = ChartHelper.start()
        start = time.perf_counter()
        helper.close()
        assert not helper._proc.is_alive() and helper._proc.exitcode == 0
        print(round(time.perf_counter() - start, 1) < 5)
    """
    done = _script(body, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


def test_no_helper_when_disabled_or_matplotlib_is_loaded(monkeypatch) -> None:
    import matplotlib  # noqa: F401 - loaded: drawing here costs no import, so no helper

    from reportgen.charts.helper import ChartHelper

    assert ChartHelper.start() is None
    monkeypatch.setenv("REPORTGEN_CHART_HELPER", "0")
    assert ChartHelper.start() is None


def test_documents_laid_out_while_the_helper_draws_match_in_process_ones(tmp_path) -> None:
    """The writers place charts by size before they exist; the saved files are the same."""
    body = """
        import time
        from reportgen.charts import draw
        from reportgen.writers.brief import compose_brief
        from reportgen.writers.deck import compose_deck

        real, go = draw.draw_all, out.parent / "go"

        def gated(*args, **kwargs):  # the forked helper draws only once told to
            while not go.exists():
                time.sleep(0.01)
            return real(*args, **kwargs)

        draw.draw_all = gated
        helper = ChartHelper.start()
        model = zh_model()
        charts = run(model, out, helper=helper)
        brief, deck = compose_brief(model, charts=charts), compose_deck(model, charts=charts)
        print(all(charts.pending(e.slide_png) for e in charts))
        go.touch()
        (out.parent / "helper.docx").write_bytes(brief.to_bytes())
        (out.parent / "helper.pptx").write_bytes(deck.to_bytes())
        charts.finish()
    """
    done = _script(body, tmp_path / "charts")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
    from reportgen.writers.brief import render_brief
    from reportgen.writers.deck import build_deck

    model = zh_model()
    local = run(model, tmp_path / "local")
    assert (tmp_path / "helper.docx").read_bytes() == render_brief(model, charts=local)
    assert (tmp_path / "helper.pptx").read_bytes() == build_deck(model, charts=local)


def test_the_helper_draws_plain_data_without_loading_pydantic(tmp_path) -> None:
    """Forked before the model is loaded (as a build does), the helper gets specs as plain data:
    importing pydantic there would delay every chart."""
    code = textwrap.dedent(
        """
        import sys
        sys.path[:0] = [{tests!r}, {root!r}]
        from pathlib import Path
        from reportgen.charts import draw
        from reportgen.charts.helper import ChartHelper

        assert "pydantic" not in sys.modules
        real, out = draw.draw_all, Path({out!r})

        def recording(jobs, *args, **kwargs):  # runs in the helper
            kind = type(jobs[0][0]).__name__
            (out.parent / "probe").write_text(f"{{'pydantic' in sys.modules}} {{kind}}")
            return real(jobs, *args, **kwargs)

        draw.draw_all = recording
        helper = ChartHelper.start()
        from factories import zh_model
        from reportgen.charts import run

        run(zh_model(), out, helper=helper).finish()
        """
    ).format(tests=str(ROOT / "tests"), root=str(ROOT), out=str(tmp_path / "charts"))
    env = {k: v for k, v in os.environ.items() if k != "REPORTGEN_CHART_HELPER"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "probe").read_text() == "False SimpleNamespace"
