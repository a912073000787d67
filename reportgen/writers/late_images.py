"""Charts placed before they are drawn: a size-only stand-in now, the real PNG before saving."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportgen.charts import png


class LateImages:
    """Picture bytes for a writer while a helper process may still be drawing the charts.

    ``blob`` gives a chart's PNG when it is written, else (when its size is known) a stand-in
    header of the same size and dpi, so the writer lays the picture out without waiting.
    ``resolve`` then swaps each stand-in image part for the real file, waiting only there.
    """

    def __init__(self, charts) -> None:
        self._charts = charts
        self._stand_ins: dict[bytes, Path] = {}

    def blob(self, path: Path, px: tuple[int, int] | None, dpi: int | None) -> bytes:
        """The PNG at ``path``, or a stand-in of ``px`` pixels at ``dpi`` while it is drawn."""
        pending = getattr(self._charts, "pending", None)
        if px is not None and dpi and pending is not None and pending(path):
            data = png.stand_in(px[0], px[1], dpi, Path(path).name)
            self._stand_ins[data] = Path(path)
            return data
        wait = getattr(self._charts, "wait", None)
        if wait is not None:
            wait(path)
        return Path(path).read_bytes()

    def resolve(self, package) -> None:
        """Put the real PNGs in the parts of ``package`` (an OPC package) that hold stand-ins."""
        for part in package.iter_parts() if self._stand_ins else ():
            blob = getattr(part, "_blob", None)
            path = self._stand_ins.get(blob) if isinstance(blob, bytes) else None
            if path is not None:
                part._blob = self._real(path, blob)
                if hasattr(part, "_image"):  # python-docx caches the parsed header
                    part._image = None

    def _real(self, path: Path, stand_in: bytes) -> bytes:
        self._charts.wait(path)
        data = path.read_bytes()
        drawn, planned = png.size(data), png.size(stand_in)
        if drawn != planned:  # the picture was laid out for this size: our bug, not the input's
            raise RuntimeError(f"{path.name}: drawn {drawn}, laid out for {planned}")
        return data


class Composed:
    """A document laid out in memory: ``to_bytes`` puts the late charts in, then serializes."""

    def __init__(self, package, images: LateImages, serialize: Callable[[], bytes]) -> None:
        self._package = package
        self._images = images
        self._serialize = serialize

    def to_bytes(self) -> bytes:
        """The finished file's bytes (waits for charts still being drawn)."""
        self._images.resolve(self._package)
        return self._serialize()
