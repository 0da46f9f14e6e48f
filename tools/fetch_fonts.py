"""Copies the bundled Noto Sans fonts (Thai, Lao, Khmer, Myanmar; regular and bold) and their SIL
Open Font License into app/resources/fonts/ again, from Debian's fonts-noto-core package.

    python tools/fetch_fonts.py                      # from an installed fonts-noto-core
    python tools/fetch_fonts.py --from-deb           # from the package file (apt-get download)
    python tools/fetch_fonts.py --fonts-dir DIR --copyright FILE --out DIR

Only the hinted `NotoSans<Script>-Regular.ttf` and `-Bold.ttf` files are taken: the app needs
these four scripts only, and Debian's hinted files are the small ones. The licence text is cut out
of the package's machine-readable copyright file, so it is the text the fonts were shipped with.
The package is needed only to run this tool; the app never reads it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.scripts import FONT_FILES  # noqa: E402

PACKAGE = "fonts-noto-core"
FONTS_DIR = Path("/usr/share/fonts/truetype/noto")
COPYRIGHT = Path(f"/usr/share/doc/{PACKAGE}/copyright")
OUT = ROOT / "app" / "resources" / "fonts"
LICENCE_NAME = "OFL.txt"


def licence_text(copyright_file: str) -> str:
    """The OFL-1.1 licence of a Debian copyright file (DEP-5), with the fonts' copyright lines."""
    paragraphs = copyright_file.split("\n\n")
    body = next(p for p in paragraphs if p.startswith("License: OFL-1.1\n"))
    lines = [line[1:] if line.startswith(" ") else line for line in body.splitlines()[1:]]
    text = "\n".join("" if line == "." else line for line in lines)
    owners = next(p for p in paragraphs if p.startswith("Files: *"))
    holders = [line.strip() for line in owners.split("Copyright:", 1)[1].split("License-Grant:")[0].splitlines()]
    header = "Noto fonts: " + "; ".join(f"Copyright {h}" for h in holders if h)
    return f"{header}\n\nThis Font Software is licensed under the SIL Open Font License, Version 1.1.\n\n{text}\n"


def copy_fonts(fonts_dir: Path, copyright_path: Path, out: Path) -> list[Path]:
    """Copy every font file FONT_FILES names, and the licence; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for names in FONT_FILES.values():
        for name in names:
            source = fonts_dir / name
            if not source.is_file():
                raise SystemExit(f"{source} is missing: is {PACKAGE} installed?")
            written.append(Path(shutil.copyfile(source, out / name)))
    licence = out / LICENCE_NAME
    licence.write_text(licence_text(copyright_path.read_text(encoding="utf-8")), encoding="utf-8")
    written.append(licence)
    return written


def from_deb(out: Path) -> list[Path]:
    """Download the package file with apt-get and copy the fonts out of it, installing nothing."""
    with tempfile.TemporaryDirectory(prefix="fetch-fonts-") as folder:
        work = Path(folder)
        subprocess.run(["apt-get", "download", PACKAGE], cwd=work, check=True)
        deb = next(work.glob(f"{PACKAGE}_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(work / "root")], check=True)
        root = work / "root"
        return copy_fonts(root / FONTS_DIR.relative_to("/"), root / COPYRIGHT.relative_to("/"), out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from-deb", action="store_true", help=f"take the files from a downloaded {PACKAGE}")
    parser.add_argument("--fonts-dir", type=Path, default=FONTS_DIR, help="where the .ttf files are")
    parser.add_argument("--copyright", type=Path, default=COPYRIGHT, help="the package's copyright file")
    parser.add_argument("--out", type=Path, default=OUT, help="where to put them")
    args = parser.parse_args(argv)
    written = from_deb(args.out) if args.from_deb else copy_fonts(args.fonts_dir, args.copyright, args.out)
    for path in written:
        print(f"{path.stat().st_size:>9,}  {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
