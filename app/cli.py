"""The command line: parses arguments, defines the exit codes and runs the text commands.

Nothing here imports Qt or the window (the entry, app/main.py, hands the window and export-pdf to
the UI), so `list`, `text` and `validate` start fast and run on machines without a screen. Errors
are one sentence on stderr and an exit code (2 for bad arguments), never a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from app import APP_ID, APP_NAME, __version__

if TYPE_CHECKING:
    from app.model import Library, Problem
    from app.trusted_keys import KeyRing

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

# A command that reads the library, given by the entry when it needs the UI (export-pdf).
LibraryCommand = Callable[[argparse.Namespace, "Library", TextIO], int]


class UsageError(Exception):
    """A bad argument: reported as one sentence with exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})[xX×](\d{2,5})", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not '{text}'")
    return int(match.group(1)), int(match.group(2))


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not '{text}'")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--profiles-dir", metavar="DIR", type=Path, action="append", default=argparse.SUPPRESS,
        help="also read profiles from DIR (repeatable)",
    )
    common.add_argument(
        "--keys-dir", metavar="DIR", type=Path, action="append", default=argparse.SUPPRESS,
        help="also trust the minisign .pub keys in DIR (repeatable)",
    )
    parser = _Parser(
        prog=APP_ID, parents=[common],
        description=f"{APP_NAME}: an offline reader for counter-trafficking country profiles.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--section", metavar="ID", help="open at a section, e.g. lao-pdr/challenges")
    parser.add_argument("--query", metavar="TEXT", help="open with TEXT searched and the best hit shown")
    parser.add_argument("--screenshot", metavar="FILE", type=Path, help="render the window to a PNG and exit")
    parser.add_argument("--size", metavar="WxH", type=_size, help="window size, e.g. 1280x800")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("list", parents=[common], help="one line per profile and section")
    text = commands.add_parser("text", parents=[common], help="the full text, section by section")
    text.add_argument("profile", nargs="?", metavar="PROFILE", help="only this profile")
    search = commands.add_parser("search", parents=[common], help="ranked full-text search, best hit first")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--json", action="store_true", help="print one JSON object")
    search.add_argument("--limit", metavar="N", type=_positive, default=20, help="at most N hits (default 20)")
    export_pdf = commands.add_parser("export-pdf", parents=[common], help="the profiles as a PDF, one or all")
    export_pdf.add_argument("file", metavar="FILE", type=Path)
    export_pdf.add_argument("--profile", metavar="ID", help="only this profile (default: every profile)")
    validate = commands.add_parser("validate", parents=[common], help="check profile files or folders")
    validate.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    verify = commands.add_parser("verify", parents=[common], help="check profiles' minisign signatures")
    verify.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    return parser


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse a command line; raises UsageError for anything malformed."""
    args = build_parser().parse_args(list(argv))
    from app.user_file import shown_path

    for option in ("profiles_dir", "keys_dir"):
        if not hasattr(args, option):
            setattr(args, option, [])
        for folder in getattr(args, option):
            if not folder.is_dir():
                raise UsageError(f"--{option.replace('_', '-')} {shown_path(folder)}: no such folder")
    if args.section is not None:
        from app.model import Address

        address = Address.parse(args.section)
        if address is None:
            raise UsageError(f"--section {args.section}: expected an id such as lao-pdr/challenges")
        args.section = address
    return args


def gui_defaults() -> argparse.Namespace:
    """What `parse_args([])` gives, without building the parser: a double-click start has no
    arguments, and every millisecond before the window appears counts."""
    return argparse.Namespace(
        profiles_dir=[], keys_dir=[], section=None, query=None, screenshot=None, size=None, command=None
    )


def run_command(args: argparse.Namespace, out: TextIO, err: TextIO,
                others: Mapping[str, LibraryCommand] | None = None) -> int:
    """A text command; `others` are the library commands the entry adds (export-pdf)."""
    from app.library import default_folders, load_library

    if args.command == "validate":
        return validate(args.paths, out, err)
    if args.command == "verify":
        from app.verify_cli import run_verify

        return run_verify(args.paths, _trusted_keys(args.keys_dir), out, err)
    # Without --keys-dir the library reads the default keys itself, and only for added profiles.
    keys = _trusted_keys(args.keys_dir) if args.keys_dir else None
    library = load_library(default_folders(args.profiles_dir), cached=True, keys=keys)
    report_problems(library.problems, err)
    code = _run_reading_command(args, library, out, err, others or {})
    return EXIT_PROBLEMS if _bundle_broken(library) else code


def _trusted_keys(keys_dirs: Sequence[Path]) -> KeyRing:
    from app.trusted_keys import default_key_folders, load_keys

    return load_keys(default_key_folders(keys_dirs))


def _run_reading_command(args: argparse.Namespace, library: Library, out: TextIO, err: TextIO,
                         others: Mapping[str, LibraryCommand]) -> int:
    if args.command == "list":
        out.write(list_text(library))
        return EXIT_OK
    if args.command == "text":
        return text(library, args.profile, out)
    if args.command == "search":
        from app.search_cli import run_search

        return run_search(library, args.query, args.limit, args.json, out, err)
    if args.command in others:
        return others[args.command](args, library, out)
    raise UsageError(f"unknown command '{args.command}'")  # pragma: no cover - argparse refuses first


def _bundle_broken(library: Library) -> bool:
    """The bundled profiles folder is missing or unreadable: an incomplete install, so exit 1 even
    when profiles from other folders could be shown (the problem line has already said which)."""
    from app import paths

    bundled = str(paths.bundled_profiles_dir())
    return any(p.path == bundled for p in library.errors)


def list_text(library: Library) -> str:
    lines = []
    for profile in library.profiles:
        lines.append(f"{profile.id}\t{profile.name}")
        lines.extend(f"  {profile.id}/{s.id}\t{s.title}" for s in profile.sections)
    return "".join(line + "\n" for line in lines)


def text(library: Library, profile_id: str | None, out: TextIO) -> int:
    from app.plaintext import profile_text

    if profile_id is None:
        profiles = library.profiles
    else:
        profile = library.profile(profile_id)
        if profile is None:
            raise UsageError(f"no profile '{profile_id}'; '{APP_ID} list' shows the ids")
        profiles = (profile,)
    out.write("\n".join(profile_text(p) for p in profiles))
    return EXIT_OK


def validate(targets: Sequence[Path], out: TextIO, err: TextIO) -> int:
    from app.library import load_paths

    library = load_paths(targets)
    for problem in library.problems:
        out.write(_problem_line(problem) + "\n")
    errors = len(library.errors)
    count = len(library.profiles)
    summary = f"{count} valid profile{'s' if count != 1 else ''}"
    summary += f", {errors} problem{'s' if errors != 1 else ''}" if errors else ", no problems"
    err.write(summary + "\n")
    return EXIT_PROBLEMS if errors else EXIT_OK


def report_problems(problems: Sequence[Problem], err: TextIO) -> None:
    """Problems of files that were skipped, so the text commands never hide a bad file."""
    for problem in problems:
        err.write(_problem_line(problem) + "\n")


def _problem_line(problem: Problem) -> str:
    from app.model import Problem

    if problem.is_error:
        return str(problem)
    return str(Problem(problem.path, "note: " + problem.message, problem.line, problem.column))


def use_utf8_output() -> None:
    """Print profile text as UTF-8 whatever the console's locale, rather than fail on a '’'."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # backslashreplace: a name or argument that is not UTF-8 prints as \udce9 instead of
            # stopping the command; the paths the app prints are spelled out first (shown_path).
            reconfigure(encoding="utf-8", errors="backslashreplace")


def say(message: str) -> None:
    if sys.stderr is not None:
        print(message, file=sys.stderr)
