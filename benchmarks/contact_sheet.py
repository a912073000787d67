"""Contact sheet of a deck PDF: every slide as a thumbnail on one PNG (for docs/images)."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from reportgen.preview import contact_sheet, pdf_pages


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdf", type=Path, help="the deck converted to PDF (soffice)")
    parser.add_argument(
        "-o", "--output", type=Path, default=Path("docs/images/deck-contact-sheet.png")
    )
    parser.add_argument("--width", type=int, default=320, help="thumbnail width in pixels")
    parser.add_argument("--columns", type=int, default=4)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pages = pdf_pages(args.pdf, Path(tmp) / "slide", dpi=72)
        contact_sheet([pages], args.output, width=args.width, columns=args.columns)
    print(f"wrote {args.output} ({len(pages)} slides)")


if __name__ == "__main__":
    main()
