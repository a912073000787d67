"""python-pptx helpers: template loading, East Asian fonts, alt text, notes, package hygiene."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from reportgen.errors import TemplateError
from reportgen.writers.ooxml import normalize_zip, shown, xml_safe

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": A, "p": P}
PPTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
# Children of a:rPr / a:endParaRPr / a:defRPr that must come after a:latin and a:ea.
_AFTER_EA = ("cs", "sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst")
_AFTER_LATIN = ("ea",) + _AFTER_EA


def _q(local: str, ns: str = A) -> str:
    return f"{{{ns}}}{local}"


# --- template ---------------------------------------------------------------------------------


def open_template(path: Path):
    """Open a .pptx template; anything else is a TemplateError that says what it is."""
    from pptx import Presentation

    path = Path(path)
    if not path.is_file():
        raise TemplateError("template file not found", path=path)
    try:
        with zipfile.ZipFile(path) as zf:
            types = zf.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError):
        raise TemplateError(
            "not a .pptx file (not an Office Open XML package)", path=path
        ) from None
    if PPTX_MAIN not in types:
        kind = "a .potx template; save it as .pptx" if "template.main" in types else "not a .pptx"
        raise TemplateError(f"{kind} (no PowerPoint presentation part)", path=path)
    try:
        return Presentation(str(path))
    except Exception as exc:  # noqa: BLE001 - python-pptx raises many kinds on broken packages
        raise TemplateError(f"cannot open the .pptx: {exc}", path=path) from None


def find_layout(prs, names: list[str], role: str, path: object = None):
    """The first layout whose name is in ``names`` (case-insensitive); a clear error if none."""
    wanted = [n.casefold() for n in names]
    layouts = [lay for master in prs.slide_masters for lay in master.slide_layouts]
    for name in wanted:
        for layout in layouts:
            if layout.name.casefold() == name:
                return layout
    have = ", ".join(repr(lay.name) for lay in layouts) or "none"
    raise TemplateError(
        f"no slide layout named {' or '.join(repr(n) for n in names)} for {role} slides "
        f"(the template has {have}); rename a layout or set layouts.{role} in the deck plan",
        path=path,
    )


def remove_all_slides(prs) -> None:
    """Drop the template's sample slides: relationship and sldId, so no part name is reused."""
    sld_ids = prs.slides._sldIdLst
    for sld_id in list(sld_ids):
        prs.part.drop_rel(sld_id.rId)
        sld_ids.remove(sld_id)


class SlideAdder:
    """``prs.slides.add_slide(layout)`` in time independent of the slides already there.

    python-pptx looks through every relationship of the presentation for one to reuse and
    through every slide id for the largest, for each new slide (quadratic in slides). A new
    slide part has no relationship yet and ids only grow here, so the same rId and id are
    given without the scans; the XML is the same.
    """

    MAX_ID = 2147483647

    def __init__(self, prs) -> None:
        self.prs = prs
        self.next_id: int | None = None

    def add(self, layout):
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.parts.slide import SlidePart

        part = self.prs.part
        sld_ids = self.prs.slides._sldIdLst
        slide_part = SlidePart.new(part._next_slide_partname, part.package, layout.part)
        rid = part._rels._add_relationship(RT.SLIDE, slide_part)
        slide = slide_part.slide
        slide.shapes.clone_layout_placeholders(layout)
        if self.next_id is None:
            self.next_id = sld_ids._next_id
        if self.next_id > self.MAX_ID:  # python-pptx then looks for a free id below
            self.next_id = None
            sld_ids.add_sldId(rid)
        else:
            sld_ids._add_sldId(id=self.next_id, rId=rid)
            self.next_id += 1
        return slide


# --- fonts ------------------------------------------------------------------------------------


def set_typefaces(rpr, latin: str | None, ea: str | None) -> None:
    """Write a:latin and a:ea on a run-properties element, in schema order."""
    if latin:
        _put(rpr, "latin", latin, _AFTER_LATIN)
    if ea:
        existing = rpr.find(_q("ea"))
        if existing is not None:
            rpr.remove(existing)
        el = rpr.makeelement(_q("ea"), {"typeface": ea})
        anchor = rpr.find(_q("latin"))
        if anchor is not None:
            anchor.addnext(el)
        else:
            _insert_before(rpr, el, _AFTER_EA)


def _put(rpr, local: str, typeface: str, after: tuple[str, ...]) -> None:
    el = rpr.find(_q(local))
    if el is None:
        el = rpr.makeelement(_q(local), {})
        _insert_before(rpr, el, after)
    el.set("typeface", typeface)


def _insert_before(parent, el, names: tuple[str, ...]) -> None:
    for child in parent:
        if isinstance(child.tag, str) and child.tag.split("}")[-1] in names:
            child.addprevious(el)
            return
    parent.append(el)


def apply_fonts(root, latin: str, ea: str, lang: str) -> int:
    """Give every run, field, end-of-paragraph and default run property under ``root`` its
    fonts (a:latin, a:ea) and language; returns how many property elements were touched."""
    for run in list(root.iter(_q("r"), _q("fld"))):
        if run.find(_q("rPr")) is None:
            run.insert(0, run.makeelement(_q("rPr"), {}))
    count = 0
    for rpr in root.iter(_q("rPr"), _q("endParaRPr"), _q("defRPr")):
        rpr.set("lang", lang)
        set_typefaces(rpr, latin, ea)
        count += 1
    return count


def style_run(run, size: float, *, bold=False, color: str | None = None, italic=False) -> None:
    """Explicit size, weight and colour on one run (fonts come later from apply_fonts)."""
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic or None
    if color:
        run.font.color.rgb = RGBColor.from_string(color)


# --- shapes -----------------------------------------------------------------------------------


def set_alt_text(shape, descr: str, title: str = "") -> None:
    """Alt text on a picture or graphic frame: ``descr`` (and ``title``) on p:cNvPr."""
    cnvpr = shape._element.find(".//" + _q("cNvPr", P))
    cnvpr.set("descr", xml_safe(descr))
    if title:
        cnvpr.set("title", xml_safe(title))


def set_notes(slide, text: str) -> None:
    """Speaker notes (paragraphs separated by newlines)."""
    slide.notes_slide.notes_text_frame.text = shown(text)


class Notes:
    """Speaker notes for the slides of one presentation, made faster than python-pptx makes them.

    The first notes slide comes from python-pptx (which clones the notes master's slide image,
    body and number placeholders, creating a master if the template has none); later ones are
    copies of that untouched first slide, related exactly as python-pptx relates them. The
    result is the same XML (a test compares bytes) at a fifth of the cost: python-pptx looks up
    every placeholder and every part name again for each slide.
    """

    def __init__(self, prs) -> None:
        self._package = prs.part.package
        self._prototype = None
        self._names: set[str] | None = None

    def set(self, slide, text: str) -> None:
        """Give ``slide`` (which has no notes yet) speaker notes holding ``text``."""
        import copy

        if self._prototype is None:
            self._prototype = copy.deepcopy(slide.notes_slide._element)
        else:
            self._add_copy(slide.part)
        set_notes(slide, text)

    def _add_copy(self, slide_part) -> None:
        import copy

        from pptx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from pptx.parts.slide import NotesSlidePart

        part = NotesSlidePart(
            self._next_name(),
            CONTENT_TYPE.PML_NOTES_SLIDE,
            self._package,
            copy.deepcopy(self._prototype),
        )
        part.relate_to(
            self._package.presentation_part.notes_master_part, RELATIONSHIP_TYPE.NOTES_MASTER
        )
        part.relate_to(slide_part, RELATIONSHIP_TYPE.SLIDE)
        slide_part.relate_to(part, RELATIONSHIP_TYPE.NOTES_SLIDE)

    def _next_name(self):
        """The partname python-pptx's next_partname would choose, without walking the package
        each time."""
        from pptx.opc.packuri import PackURI

        template = "/ppt/notesSlides/notesSlide%d.xml"
        if self._names is None:
            prefix = "/ppt/notesSlides/notesSlide"
            self._names = {
                p.partname for p in self._package.iter_parts() if p.partname.startswith(prefix)
            }
        name = next(
            template % n
            for n in range(len(self._names) + 1, 0, -1)
            if template % n not in self._names
        )
        self._names.add(name)
        return PackURI(name)


def add_slide_number(slide) -> bool:
    """Copy the layout's slide-number placeholder onto the slide with a slidenum field."""
    import copy

    for ph in slide.slide_layout.placeholders:
        if "SLIDE_NUMBER" not in str(ph.placeholder_format.type):
            continue
        sp = copy.deepcopy(ph._element)
        sp.find(".//" + _q("cNvPr", P)).set("id", str(_next_id(slide)))
        body = sp.find(_q("txBody", P))
        for para in body.findall(_q("p")):
            body.remove(para)
        number = len(slide.part.package.presentation_part.presentation.slides)
        para = body.makeelement(_q("p"), {})
        fld = para.makeelement(_q("fld"), {"id": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"})
        fld.set("type", "slidenum")
        fld.append(fld.makeelement(_q("rPr"), {"lang": "en-US"}))
        text = fld.makeelement(_q("t"), {})
        text.text = str(number)
        fld.append(text)
        para.append(fld)
        body.append(para)
        slide.shapes._spTree.append(sp)
        return True
    return False


def _next_id(slide) -> int:
    ids = [int(x) for x in slide.shapes._spTree.xpath("//p:cNvPr/@id")]
    return max(ids, default=1) + 1


# --- package ----------------------------------------------------------------------------------


def set_core_properties(prs, *, title: str, author: str, subject: str, lang: str, when) -> None:
    """Replace the template's core properties with the article's (fixed timestamps)."""
    core = prs.core_properties
    el = core._element
    for child in list(el):
        el.remove(child)
    core.title = xml_safe(title)[:255]
    core.author = xml_safe(author)[:255]
    core.subject = xml_safe(subject)[:255]
    core.last_modified_by = "reportgen"
    core.language = lang
    core.revision = 1
    core.created = when
    core.modified = when


APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>reportgen</Application><Slides>{slides}</Slides><Notes>{notes}</Notes>"
    "<PresentationFormat>Widescreen</PresentationFormat></Properties>"
)


def clean_package(prs, slides: int, notes: int) -> None:
    """Drop the thumbnail and printer settings; rewrite app.xml without template leftovers."""
    pkg = prs.part.package
    for rid, rel in list(pkg._rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            pkg.drop_rel(rid)
        elif rel.reltype.endswith("/extended-properties") and hasattr(rel.target_part, "_blob"):
            rel.target_part._blob = APP_XML.format(slides=slides, notes=notes).encode()
    for rid, rel in list(prs.part.rels.items()):
        if rel.reltype.endswith("/printerSettings"):
            prs.part.drop_rel(rid)


_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def normalize_embedded(data: bytes, when: datetime) -> bytes:
    """Fix the timestamps inside embedded workbooks (XlsxWriter writes the wall-clock time)."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    if not any(n.lower().endswith(".xlsx") for n in source.namelist()):
        return normalize_zip(data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename.lower().endswith(".xlsx"):
                blob = _normalize_xlsx(blob, stamp)
            target.writestr(info.filename, blob)
    return normalize_zip(out.getvalue())


def _normalize_xlsx(blob: bytes, stamp: bytes) -> bytes:
    inner = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in inner.infolist():
            data = inner.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _DATES.sub(lambda m: m.group(1) + stamp + m.group(2), data)
            target.writestr(info.filename, data)
    return normalize_zip(out.getvalue())
