#!/usr/bin/python3
"""Build the example workbooks (.ods) and templates (.ots) from the flat ODF sources.

    build_templates.py --outdir DIR --rdb leadplan.rdb --components leadplan.components \
                       --library leadplan.uno.so leadplan-en.fods leadplan-nl.fods

Run by CMake (examples/templates.cmake) before leadplan.oxt is packed: the templates go
inside the .oxt, so this cannot install the .oxt itself. Instead it packs the add-in's
pieces into a throwaway extension, installs that into a throwaway headless Calc, opens
each .fods, recalculates, fails if any cell shows an error, and saves <name>.ods and
<name>.ots (calc8_template, keeping the document title the template dialog shows). The
saved files carry the computed values, so they open showing the plan straight away.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "examples"))
import lpcalc  # noqa: E402
from plan import error_cells  # noqa: E402

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest">
  <manifest:file-entry manifest:media-type="application/vnd.sun.star.uno-typelibrary;type=RDB" manifest:full-path="leadplan.rdb"/>
  <manifest:file-entry manifest:media-type="application/vnd.sun.star.uno-components;platform=Linux_x86_64" manifest:full-path="leadplan.components"/>
</manifest:manifest>
"""
# Its own identifier, so it can never be mistaken for (or update) the real extension.
DESCRIPTION = """<?xml version="1.0" encoding="UTF-8"?>
<description xmlns="http://openoffice.org/extensions/description/2006">
  <identifier value="org.leadplan.calc.template-builder"/>
  <version value="0"/>
  <platform value="linux_x86_64"/>
</description>
"""


def pack_addin(folder: Path, rdb: Path, components: Path, library: Path) -> Path:
    oxt = folder / "addin-only.oxt"
    with zipfile.ZipFile(oxt, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("description.xml", DESCRIPTION)
        z.writestr("META-INF/manifest.xml", MANIFEST)
        z.write(rdb, "leadplan.rdb")
        z.write(components, "leadplan.components")
        # leadplan.components names the library by its file name.
        z.write(library, library.name)
    return oxt


def normalise(package: Path) -> None:
    """Rewrite an ODF package with fixed entry times, so that every build of the .oxt holds
    the same bytes for it (Calc writes the same entries, stamped with the save time)."""
    with zipfile.ZipFile(package) as z:
        entries = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(package, "w") as z:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.external_attr = info.external_attr
            # ODF: "mimetype" first and stored, so tools can sniff the type at a fixed offset.
            fixed.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" \
                else zipfile.ZIP_DEFLATED
            z.writestr(fixed, data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--outdir", type=Path, required=True)
    parser.add_argument("--rdb", type=Path, required=True)
    parser.add_argument("--components", type=Path, required=True)
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--timeout", type=float, default=240.0)
    parser.add_argument("workbooks", type=Path, nargs="+")
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="leadplan-templates-") as tmp:
        oxt = pack_addin(Path(tmp), args.rdb, args.components, args.library)
        with lpcalc.Office(oxt=oxt, timeout=args.timeout) as office:
            for workbook in args.workbooks:
                doc = office.load(workbook)
                try:
                    office.calculate_all(doc)
                    errors = error_cells(doc)
                    if errors:
                        print(f"build_templates: {workbook.name} shows errors:\n  "
                              + "\n  ".join(errors), file=sys.stderr)
                        return 1
                    for suffix, filter_name in ((".ods", "calc8"), (".ots", "calc8_template")):
                        target = (args.outdir / workbook.name).with_suffix(suffix)
                        doc.storeToURL(target.resolve().as_uri(),
                                       lpcalc.props(FilterName=filter_name))
                        normalise(target)
                        print(f"build_templates: wrote {target}")
                finally:
                    lpcalc.close(doc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
