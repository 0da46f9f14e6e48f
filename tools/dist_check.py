"""Smoke test of a built executable: does what was frozen behave like the source, and stay small?

    python tools/dist_check.py dist/tip-reference/tip-reference [--archive FILE.tar.gz]
    python tools/dist_check.py dist/onefile/tip-reference --onefile

Runs the built program's own command line and compares it with the source run: `--version`,
`text lao-pdr` byte for byte, `search` (which also proves SQLite FTS5 works inside the bundle),
`export-pdf` (the same number of pages), `verify` of a profile signed with minisign (Ed25519 works
in the bundle),
and `--screenshot` (a PNG that is not blank and matches the source run's). Checks that nothing
for TLS or networking was bundled, that the bundled profiles are those whose SHA-256 the build
recorded, that no library is missing, that the bundled SQLite has FTS5,
and that the sizes stay within budget. Prints one line per check; exits 1 if any fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
FOLDER_BUDGET = 115 * MB
ARCHIVE_BUDGET = 45 * MB
ONEFILE_BUDGET = 48 * MB
# Files that would mean TLS or networking code is inside an app that must never use a network.
FORBIDDEN = re.compile(r"ssl|libcrypto|QtNetwork|Qt6Network|_hashlib|tkinter|libtk|libtcl", re.IGNORECASE)
SEARCH_QUERY = "trafficking"
# Left to the system on purpose by build.spec (SYSTEM_LIBRARIES): they must match its services.
LEFT_TO_SYSTEM = {"libdbus-1.so.3", "libcups.so.2"}


class Checks:
    """Runs named checks, prints one line each, remembers failures."""

    def __init__(self) -> None:
        self.failed: list[str] = []

    def run(self, name: str, check: Callable[[], str]) -> None:
        try:
            detail = check()
        except (AssertionError, ImportError, subprocess.SubprocessError, OSError) as exc:
            self.failed.append(name)
            print(f"FAIL {name}: {exc}")
        else:
            print(f"ok   {name}: {detail}")


def isolated_env(home: Path) -> dict[str, str]:
    """Empty settings and profile folders, so the user's own files never change a result."""
    return dict(
        os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen",
    )


def run(command: list[str], home: Path, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """Run with a home of its own: no run sees settings or caches another one wrote."""
    with tempfile.TemporaryDirectory(dir=home) as own:
        return subprocess.run(command, env=isolated_env(Path(own)), capture_output=True, timeout=timeout,
                              check=False, cwd=own)


def source(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), *args]


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("executable", type=Path)
    parser.add_argument("--archive", type=Path, help="the .tar.gz of the one-folder build")
    parser.add_argument("--onefile", action="store_true", help="the executable is a one-file build")
    args = parser.parse_args(argv)
    exe = str(args.executable.resolve())
    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="tip-dist-check-") as temp:
        run_command_checks(checks, exe, Path(temp))
    if args.onefile:
        checks.run("one-file size", lambda: within(args.executable.stat().st_size, ONEFILE_BUDGET))
    else:
        run_folder_checks(checks, args.executable.resolve().parent, args.archive)
    if checks.failed:
        print(f"{len(checks.failed)} check(s) failed: {', '.join(checks.failed)}")
        return 1
    return 0


def run_command_checks(checks: Checks, exe: str, home: Path) -> None:
    """What the built program does, against the same commands run from source."""
    checks.run("--version", lambda: same_output(exe, home, "--version"))
    checks.run("text lao-pdr", lambda: same_output(exe, home, "text", "lao-pdr"))
    checks.run("search", lambda: search(exe, home))
    checks.run("export-pdf", lambda: export_pdf(exe, home))
    if sys.platform.startswith("linux"):
        checks.run("export-pdf opens no socket", lambda: no_socket_for_pdf(exe, home))
    checks.run("verify a signed profile", lambda: verify_signed(exe, home))
    # Pages that show no file path, which differs between the two by design.
    checks.run("screenshot of a section", lambda: screenshot(exe, home, "--section", "lao-pdr/quick-facts"))
    checks.run("screenshot of a search", lambda: screenshot(exe, home, "--query", SEARCH_QUERY + " victims"))


def run_folder_checks(checks: Checks, folder: Path, archive: Path | None) -> None:
    """What the one-folder build holds, and how large it is."""
    checks.run("bundled profiles as built", lambda: bundled_profiles_match(folder))
    checks.run("no TLS or networking", lambda: nothing_forbidden(folder))
    if sys.platform.startswith("linux"):
        checks.run("libraries complete", lambda: libraries_complete(folder))
        checks.run("bundled SQLite has FTS5", lambda: bundled_sqlite_has_fts5(folder))
    checks.run("bundled fonts", lambda: fonts_bundled(folder))
    checks.run("shiboken6's support modules compiled", lambda: shiboken_support_compiled(folder))
    checks.run("folder size", lambda: within(folder_size(folder), FOLDER_BUDGET))
    if archive:
        checks.run("archive size", lambda: within(archive.stat().st_size, ARCHIVE_BUDGET))


def same_output(exe: str, home: Path, *command: str) -> str:
    frozen, expected = run([exe, *command], home), run(source(*command), home)
    assert frozen.returncode == 0, f"exit {frozen.returncode}: {frozen.stderr.decode(errors='replace')}"
    assert frozen.stdout == expected.stdout, "output differs from the source run"
    return f"{len(frozen.stdout)} bytes, identical to the source run"


def search(exe: str, home: Path) -> str:
    if run(source("search", "--help"), home).returncode != 0:
        return "skipped: this version has no search command"
    frozen = run([exe, "search", SEARCH_QUERY, "--json"], home)
    assert frozen.returncode == 0, f"exit {frozen.returncode}: {frozen.stderr.decode(errors='replace')}"
    hits = json.loads(frozen.stdout)["hits"]
    assert hits, f"no hits for '{SEARCH_QUERY}'"
    expected = json.loads(run(source("search", SEARCH_QUERY, "--json"), home).stdout)["hits"]
    assert hits == expected, "hits differ from the source run"
    return f"{len(hits)} hits for '{SEARCH_QUERY}', as from source (SQLite FTS5 works in the bundle)"


def screenshot(exe: str, home: Path, *options: str) -> str:
    shots = {}
    for name, command in (("frozen", [exe]), ("source", source())):
        shots[name] = home / f"{name}.png"
        done = run([*command, *options, "--screenshot", str(shots[name]), "--size", "1024x600"], home)
        problem = done.stderr.decode(errors="replace")
        assert done.returncode == 0, f"{name}: exit {done.returncode}: {problem}"
    colours, differing = compare_images(shots["frozen"], shots["source"])
    assert colours > 8, f"the PNG is blank ({colours} colours)"
    assert differing <= 0.001, f"{differing:.1%} of the pixels differ from the source run's screenshot"
    return f"1024x600 PNG with {colours} colours, {differing:.2%} of pixels differ from the source run"


def export_pdf(exe: str, home: Path) -> str:
    if run(source("export-pdf", "--help"), home).returncode != 0:
        return "skipped: this version has no export-pdf command"
    pages = {}
    for name, command in (("frozen", [exe]), ("source", source())):
        target = home / f"{name}.pdf"
        done = run([*command, "export-pdf", str(target)], home)
        assert done.returncode == 0, f"{name}: exit {done.returncode}: {done.stderr.decode(errors='replace')}"
        pages[name] = pdf_pages(target)
    assert pages["frozen"] == pages["source"], f"{pages['frozen']} pages instead of {pages['source']}"
    return f"{pages['frozen']} pages, as from source"


def no_socket_for_pdf(exe: str, home: Path) -> str:
    """The built app exports a PDF without asking any print service (or anything else) over a
    socket, even with one named in CUPS_SERVER: traced from outside, so Qt's C code is seen too."""
    strace = shutil.which("strace")
    assert strace, "strace is not installed (Debian package strace)"
    trace = home / "trace.txt"
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUPS_SERVER="127.0.0.1:631", HOME=str(home))
    done = subprocess.run([strace, "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace),
                           exe, "export-pdf", str(home / "traced.pdf")],
                          env=environment, capture_output=True, check=False, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr.decode(errors='replace')}"
    calls = [line for line in trace.read_text(encoding="utf-8").splitlines() if "socket(" in line or "connect(" in line]
    assert not calls, "; ".join(calls[:3])
    return "no socket opened, with CUPS_SERVER set"


def verify_signed(exe: str, home: Path) -> str:
    """The built app verifies a profile minisign signed, and refuses it once one digit changed."""
    if run(source("verify", "--help"), home).returncode != 0:
        return "skipped: this version has no verify command"
    keys, signed = signed_copy(home)
    frozen = run([exe, "verify", str(signed), "--keys-dir", str(keys)], home)
    out = frozen.stdout.decode(errors="replace")
    assert frozen.returncode == 0, f"exit {frozen.returncode}: {out}{frozen.stderr.decode(errors='replace')}"
    assert "verified, signed by Check" in out, out
    signed.write_bytes(signed.read_bytes().replace(b"267 790", b"267 791", 1))
    changed = run([exe, "verify", str(signed), "--keys-dir", str(keys)], home)
    assert changed.returncode == 1 and b"changed after it was signed by Check" in changed.stdout, changed.stdout
    return "a minisign signature verifies, and fails after one digit changed (Ed25519 works in the bundle)"


def signed_copy(home: Path) -> tuple[Path, Path]:
    """(keys folder with Check.pub, a copy of the bundled profile signed by it), made with minisign."""
    minisign = shutil.which("minisign")
    assert minisign, "minisign is not installed (Debian package minisign)"
    keys, folder = home / "keys", home / "signed"
    keys.mkdir(exist_ok=True)
    folder.mkdir(exist_ok=True)
    signed = folder / "lao-pdr.yaml"
    shutil.copy(ROOT / "data" / "profiles" / "lao-pdr.yaml", signed)
    secret = home / "check.key"
    for command in ([minisign, "-G", "-f", "-W", "-p", str(keys / "Check.pub"), "-s", str(secret)],
                    [minisign, "-S", "-s", str(secret), "-m", str(signed)]):
        subprocess.run(command, check=True, capture_output=True, stdin=subprocess.DEVNULL)
    return keys, signed


def bundled_profiles_match(folder: Path) -> str:
    """The bundled profiles are byte for byte the ones whose SHA-256 build.spec recorded."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from app.bundle_checksums import MANIFEST_NAME, PROFILES, mismatches

    records = [p for p in folder.rglob(MANIFEST_NAME) if p.is_file()]
    assert len(records) == 1, f"{len(records)} copies of {MANIFEST_NAME} in the bundle, expected one"
    root = records[0].parent
    files = {(PROFILES / p.name).as_posix(): p.read_bytes() for p in (root / PROFILES).glob("*.y*ml")}
    problems = mismatches(records[0].read_text(encoding="utf-8"), files)
    assert not problems, "; ".join(problems)
    return f"{len(files)} profile(s) match the SHA-256 recorded at build time"


# The fonts app/resources/fonts holds (app.scripts.FONT_FILES), and their licence.
BUNDLED_FONTS = (
    *(f"NotoSans{script}-{weight}.ttf" for script in ("Thai", "Lao", "Khmer", "Myanmar")
      for weight in ("Regular", "Bold")),
    "OFL.txt",
)


def fonts_bundled(folder: Path) -> str:
    """Every bundled font and its licence is inside the build, where app.paths looks for them."""
    fonts = [p for p in folder.rglob("fonts") if p.parent.name == "resources" and p.is_dir()]
    assert fonts, "no app/resources/fonts folder in the build"
    missing = [name for name in BUNDLED_FONTS if not (fonts[0] / name).is_file()]
    assert not missing, "missing: " + ", ".join(missing)
    return f"{len(BUNDLED_FONTS)} files in {fonts[0].relative_to(folder)}"


def shiboken_support_compiled(folder: Path) -> str:
    """shiboken6 finds its support modules beside it, each with bytecode it loads unchecked, so a
    start compiles none of them (tools/shiboken_support.py)."""
    from shiboken_support import FOLDER, embedded_sources, missing_bytecode

    found = [p / FOLDER for p in folder.rglob("shiboken6") if (p / FOLDER).is_dir()]
    assert found, f"no shiboken6/{FOLDER} in the build"
    modules = sorted(str(p.relative_to(found[0])) for p in found[0].rglob("*.py"))
    assert modules == sorted(embedded_sources()), "not the modules shiboken6 embeds"
    missing = missing_bytecode(found[0])
    assert not missing, "without bytecode: " + ", ".join(missing)
    return f"{len(modules)} modules with bytecode in {found[0].relative_to(folder)}"


def nothing_forbidden(folder: Path) -> str:
    found = [str(p.relative_to(folder)) for p in folder.rglob("*") if FORBIDDEN.search(p.name)]
    assert not found, "bundled: " + ", ".join(sorted(found))
    return f"none of {FORBIDDEN.pattern}"


def libraries_complete(folder: Path) -> str:
    """Every library a bundled binary links to is bundled, or one PyInstaller leaves to every system.

    Catches a library pruned by mistake: on the build machine the system copy would hide it.
    """
    from PyInstaller.depend.dylib import include_library  # late: only the build environment has it

    names = {p.name for p in folder.rglob("*")}
    binaries = [p for p in folder.rglob("*")
                if p.is_file() and not p.is_symlink() and (".so" in p.name or p.parent == folder)]
    missing: dict[str, str] = {}
    for binary in binaries:
        for name in elf_needed(binary):
            if name in names or name in LEFT_TO_SYSTEM or name.startswith("ld-linux"):  # the loader itself
                continue
            if include_library(name):
                missing.setdefault(name, str(binary.relative_to(folder)))
    assert not missing, "not bundled: " + ", ".join(f"{name} (for {user})" for name, user in sorted(missing.items()))
    return f"what {len(binaries)} binaries link to is bundled or left to the system"


def bundled_sqlite_has_fts5(folder: Path) -> str:
    """The SQLite library inside the bundle, loaded here, creates an FTS5 table (search needs one)."""
    import ctypes

    found = [p for p in folder.rglob("libsqlite3*.so*") if not p.is_symlink()]
    if not found:
        return "skipped: the app uses no SQLite in this version"
    sqlite = ctypes.CDLL(str(found[0]))
    database = ctypes.c_void_p()
    assert sqlite.sqlite3_open(b":memory:", ctypes.byref(database)) == 0, "cannot open a database"
    try:
        status = sqlite.sqlite3_exec(database, b"CREATE VIRTUAL TABLE t USING fts5(body)", None, None, None)
        assert status == 0, f"{found[0].name} has no FTS5 (status {status})"
        # Scripts without spaces are searched in a trigram table (SQLite 3.34 and later).
        status = sqlite.sqlite3_exec(database, b"CREATE VIRTUAL TABLE g USING fts5(body, tokenize='trigram')",
                                     None, None, None)
        assert status == 0, f"{found[0].name} has no trigram tokenizer (status {status})"
    finally:
        sqlite.sqlite3_close(database)
    return f"{found[0].relative_to(folder)} creates FTS5 tables, trigram ones too"


def elf_needed(binary: Path) -> list[str]:
    output = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True, check=False).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", output)


def within(size: int, budget: int) -> str:
    assert size <= budget, f"{size / MB:.1f} MB, over the budget of {budget / MB:.0f} MB"
    return f"{size / MB:.1f} MB (budget {budget / MB:.0f} MB)"


def pdf_pages(pdf: Path) -> int:
    """The page count of the page tree's root: the largest /Count in the file."""
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-"), f"{pdf.name} is not a PDF"
    counts = [int(n) for n in re.findall(rb"/Count\s+(\d+)", data)]
    assert counts, f"{pdf.name} has no page tree"
    return max(counts)


def compare_images(png: Path, reference: Path) -> tuple[int, float]:
    """How many colours the image has (up to a cap; a blank render has one or two), and the share of
    its pixels that differ from the reference image."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage  # late: only this check needs Qt

    image, expected = QImage(str(png)), QImage(str(reference))
    assert not image.isNull(), f"{png.name} is not a readable PNG"
    assert image.size() == expected.size(), f"{image.width()}x{image.height()} instead of the source run's size"
    colours: set[int] = set()
    differing = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixel(x, y)
            differing += pixel != expected.pixel(x, y)
            if len(colours) <= 64:
                colours.add(pixel)
    return len(colours), differing / (image.width() * image.height())


if __name__ == "__main__":
    sys.exit(main())
