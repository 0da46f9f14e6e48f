"""shiboken6's support modules, written out compiled for the one-folder build.

shiboken6 carries the Python modules behind PySide6's signatures and error messages
(`shibokensupport`) as a zip of sources inside its library, and compiles them at every start:
about 115 million instructions, 30-40 ms, which every PySide6 program pays. When a folder
`files.dir` beside shiboken6's `__init__` holds them, it imports them from there instead, like
any other module (shiboken6's own "incarnated files", what `SBK_EMBED=0` makes). The build
writes that folder with the sources and their bytecode, compiled as "unchecked hash" so Python
never compares it with the sources: an app installed read-only needs to write nothing.

    python tools/shiboken_support.py TARGET     writes TARGET/files.dir (used by build.spec)

The running Python's shiboken6 is the source, so the files always match the shiboken6 bundled.
"""

from __future__ import annotations

import py_compile
import sys
from pathlib import Path

FOLDER = "files.dir"  # the name shiboken6 looks for beside its __init__


def embedded_sources() -> dict[str, bytes]:
    """The support modules' sources, by path inside the zip, read from the loader that imported them."""
    import shiboken6  # noqa: F401 - importing it loads shibokensupport from the embedded zip

    loader = sys.modules["shibokensupport"].__spec__.loader  # type: ignore[union-attr]
    archive = loader.zfile  # type: ignore[union-attr]
    return {name: archive.read(name) for name in archive.namelist() if name.endswith(".py")}


def write_support_files(target: Path) -> Path:
    """TARGET/files.dir with every support module and its unchecked-hash bytecode; returns it."""
    folder = target / FOLDER
    for name, source in embedded_sources().items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(source)
        py_compile.compile(str(path), doraise=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    return folder


def missing_bytecode(folder: Path) -> list[str]:
    """The modules of a written folder without bytecode of this Python that skips the source check."""
    import importlib.util

    missing = []
    for source in sorted(folder.rglob("*.py")):
        compiled = Path(importlib.util.cache_from_source(str(source)))
        header = compiled.read_bytes()[:8] if compiled.is_file() else b""
        # PEP 552: the magic number, then flags 0b01 (hash-based) with check_source unset.
        if header[:4] != importlib.util.MAGIC_NUMBER or int.from_bytes(header[4:8], "little") != 0b01:
            missing.append(str(source.relative_to(folder)))
    return missing


if __name__ == "__main__":
    print(write_support_files(Path(sys.argv[1])))
