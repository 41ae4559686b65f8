"""PDF/X-4 read back structurally with pypdf: what a print shop's preflight looks at.

Not a full validator (veraPDF is not in the package registries), but each
check reads the PDF's objects, never its bytes as a string:

- the version is PDF 1.6 or later, the file has an /ID and is not encrypted;
- the output intent is GTS_PDFX with an embedded CMYK printer profile (ICC
  header: class ``prtr``, colour space ``CMYK``) and an output condition;
- the XMP metadata declares ``pdfxid:GTS_PDFXVersion`` = PDF/X-4, and Info
  has /Trapped;
- every page has its own TrimBox and BleedBox, trim ⊆ bleed ⊆ media, the
  trim is the sheet and the bleed is the trim grown by the bleed;
- no RGB anywhere: no rg/RG operator, and no DeviceRGB, CalRGB or 3-component
  ICCBased colour space in resources, images, inline images, shadings,
  transparency groups or soft masks (forms and patterns followed);
- every font is embedded (FontFile, FontFile2 or FontFile3; Type 3 glyphs
  are drawn, so they need none).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, IndirectObject, NameObject, StreamObject

MM = 72 / 25.4
PDFX_NS = "{http://www.npes.org/pdfx/ns/id/}"
RGB_NAMES = {"/DeviceRGB", "/CalRGB", "/RGB"}
FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def obj(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


class Preflight:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.reader = PdfReader(self.path)
        self.problems: list[str] = []
        self._seen: set[int] = set()

    def problem(self, text: str) -> None:
        self.problems.append(f"{self.path.name}: {text}")

    # --- document ------------------------------------------------------------

    def document(self) -> None:
        version = self.reader.pdf_header.removeprefix("%PDF-")
        if tuple(int(p) for p in version.split(".")) < (1, 6):
            self.problem(f"PDF {version}: PDF/X-4 needs 1.6 or later")
        if self.reader.is_encrypted:
            self.problem("encrypted")
        ids = self.reader.trailer.get("/ID")
        if not ids or len(ids) != 2:
            self.problem("no file /ID in the trailer")
        root = self.reader.trailer["/Root"]
        intents = [obj(i) for i in obj(root.get("/OutputIntents", ArrayObject()))]
        pdfx = [i for i in intents if i.get("/S") == "/GTS_PDFX"]
        if len(pdfx) != 1:
            self.problem(f"{len(pdfx)} GTS_PDFX output intents, expected 1")
        for intent in pdfx:
            if not intent.get("/OutputConditionIdentifier"):
                self.problem("output intent without OutputConditionIdentifier")
            profile = obj(intent.get("/DestOutputProfile"))
            if not isinstance(profile, StreamObject):
                self.problem("output intent without an embedded DestOutputProfile")
                continue
            icc = profile.get_data()
            if profile.get("/N") != 4 or icc[16:20] != b"CMYK" or icc[12:16] != b"prtr" or icc[36:40] != b"acsp":
                self.problem(f"output profile is not a CMYK printer profile (N={profile.get('/N')}, "
                             f"class {icc[12:16]!r}, space {icc[16:20]!r})")
        metadata = obj(root.get("/Metadata"))
        if not isinstance(metadata, StreamObject):
            self.problem("no XMP metadata")
        else:
            xmp = ET.fromstring(metadata.get_data())
            versions = [e.text for e in xmp.iter(PDFX_NS + "GTS_PDFXVersion")] + [
                e.get(PDFX_NS + "GTS_PDFXVersion") for e in xmp.iter() if e.get(PDFX_NS + "GTS_PDFXVersion")]
            if versions != ["PDF/X-4"]:
                self.problem(f"XMP GTS_PDFXVersion is {versions}, expected ['PDF/X-4']")
        info = obj(self.reader.trailer.get("/Info")) or {}
        if info.get("/Trapped") not in ("/True", "/False"):
            self.problem("Info has no /Trapped True or False")

    # --- pages and boxes -----------------------------------------------------

    def boxes(self, trim_mm: tuple[float, float] | None, bleed_mm: float) -> None:
        for n, page in enumerate(self.reader.pages, 1):
            for name in ("/TrimBox", "/BleedBox"):
                if name not in page:
                    self.problem(f"page {n}: no {name}")
            if "/TrimBox" not in page or "/BleedBox" not in page:
                continue
            media, bleed, trim = ([float(v) / MM for v in page[b]] for b in ("/MediaBox", "/BleedBox", "/TrimBox"))
            if not (inside(trim, bleed) and inside(bleed, media)):
                self.problem(f"page {n}: boxes not nested (trim {trim}, bleed {bleed}, media {media})")
            width, height = trim[2] - trim[0], trim[3] - trim[1]
            if trim_mm is not None and not (close((width, height), trim_mm)
                                            or close((height, width), trim_mm)):
                self.problem(f"page {n}: trim {width:.1f} x {height:.1f} mm, expected {trim_mm}")
            grown = [trim[0] - bleed_mm, trim[1] - bleed_mm, trim[2] + bleed_mm, trim[3] + bleed_mm]
            if not close(bleed, grown):
                self.problem(f"page {n}: bleed box {bleed} is not the trim grown by {bleed_mm} mm")

    # --- colour and fonts ----------------------------------------------------

    def pages(self) -> None:
        for n, page in enumerate(self.reader.pages, 1):
            where = f"page {n}"
            self.group(page.get("/Group"), where)
            self.content(page.get_contents(), obj(page.get("/Resources")) or DictionaryObject(), where)

    def content(self, stream, resources: DictionaryObject, where: str) -> None:
        self.resources(resources, where)
        if stream is None:
            return
        for operands, operator in ContentStream(stream, self.reader).operations:
            if operator in (b"rg", b"RG"):
                self.problem(f"{where}: RGB colour operator {operator.decode()}")
            elif operator == b"INLINE IMAGE":
                settings = operands.get("settings", {})
                self.colour_space(settings.get("/CS", settings.get("/ColorSpace")), resources, where)
            elif operator in (b"cs", b"CS"):
                self.colour_space(operands[0], resources, where)

    def resources(self, resources: DictionaryObject, where: str) -> None:
        """Every colour space, image, form, pattern, soft mask and font a resource dictionary names."""
        if id(resources) in self._seen:
            return
        self._seen.add(id(resources))
        for space in (obj(resources.get("/ColorSpace")) or {}).values():
            self.colour_space(space, resources, where)
        for name, value in (obj(resources.get("/XObject")) or {}).items():
            xobject = obj(value)
            if xobject.get("/Subtype") == "/Image":
                self.colour_space(xobject.get("/ColorSpace"), resources, f"{where} image {name}")
            elif xobject.get("/Subtype") == "/Form":
                self.form(xobject, f"{where} form {name}")
        for name, value in (obj(resources.get("/Pattern")) or {}).items():
            pattern = obj(value)
            if pattern.get("/PatternType") == 1:
                self.form(pattern, f"{where} pattern {name}")
            else:
                self.colour_space(obj(pattern.get("/Shading", {})).get("/ColorSpace"), resources, where)
        for value in (obj(resources.get("/Shading")) or {}).values():
            self.colour_space(obj(value).get("/ColorSpace"), resources, where)
        for value in (obj(resources.get("/ExtGState")) or {}).values():
            mask = obj(obj(value).get("/SMask"))
            if isinstance(mask, DictionaryObject) and "/G" in mask:
                self.form(obj(mask["/G"]), f"{where} soft mask")
        for name, value in (obj(resources.get("/Font")) or {}).items():
            self.font(obj(value), f"{where} font {name}")

    def form(self, form: StreamObject, where: str) -> None:
        if id(form) in self._seen:
            return
        self._seen.add(id(form))
        self.group(form.get("/Group"), where)
        self.content(form, obj(form.get("/Resources")) or DictionaryObject(), where)

    def group(self, group, where: str) -> None:
        group = obj(group)
        if isinstance(group, DictionaryObject) and "/CS" in group:
            self.colour_space(group["/CS"], DictionaryObject(), f"{where} transparency group")

    def colour_space(self, space, resources: DictionaryObject, where: str) -> None:
        space = obj(space)
        if space is None:
            return
        if isinstance(space, NameObject):
            named = (obj(resources.get("/ColorSpace")) or {}).get(space)
            if named is not None:
                return self.colour_space(named, DictionaryObject(), where)
            if space in RGB_NAMES:
                self.problem(f"{where}: RGB colour space {space}")
            return
        if isinstance(space, ArrayObject) and space:
            family = space[0]
            if family in RGB_NAMES:
                self.problem(f"{where}: RGB colour space {family}")
            elif family == "/ICCBased":
                profile = obj(space[1])
                if profile.get("/N") == 3 or profile.get_data()[16:20] == b"RGB ":
                    self.problem(f"{where}: RGB ICC colour space")
            elif family == "/Indexed":
                self.colour_space(space[1], resources, where)
            elif family in ("/Separation", "/DeviceN"):
                self.colour_space(space[2], resources, where)

    def font(self, font: DictionaryObject, where: str) -> None:
        subtype = font.get("/Subtype")
        if subtype == "/Type3":
            return
        if subtype == "/Type0":
            font = obj(font["/DescendantFonts"][0])
        descriptor = obj(font.get("/FontDescriptor"))
        if descriptor is None or not any(name in descriptor for name in FONT_FILES):
            self.problem(f"{where}: {font.get('/BaseFont')} is not embedded")


def inside(inner: list[float], outer: list[float], tolerance: float = 0.05) -> bool:
    return (inner[0] >= outer[0] - tolerance and inner[1] >= outer[1] - tolerance
            and inner[2] <= outer[2] + tolerance and inner[3] <= outer[3] + tolerance)


def close(a, b, tolerance: float = 0.05) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def pdfx4_problems(path: Path, trim_mm: tuple[float, float] | None = None, bleed_mm: float = 0.0) -> list[str]:
    """Everything in ``path`` that breaks the PDF/X-4 checks above; [] for a good file.

    ``trim_mm``: the sheet (either orientation); ``bleed_mm``: how far the bleed box
    extends beyond the trim on every side.
    """
    check = Preflight(path)
    check.document()
    check.boxes(trim_mm, bleed_mm)
    check.pages()
    return check.problems
