"""The entry of `main.py`, `python -m app` and the built executable: the one module that knows
both the command line (app/cli.py, no Qt) and the window (app/ui/), and chooses between them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from app import APP_ID
from app.cli import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    UsageError,
    gui_defaults,
    parse_args,
    run_command,
    say,
    use_utf8_output,
)

if TYPE_CHECKING:
    from app.model import Library


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    use_utf8_output()
    try:
        args = parse_args(argv) if argv else gui_defaults()
        if args.command is None:
            from app.memory import hold_collection

            hold_collection()  # until the first page is painted (see app/memory.py)
            from app.ui.application import run_gui  # late: the text commands never load Qt

            return run_gui(args)
        from app.memory import resume_collection

        resume_collection()  # held by a built app's run-time hook; a command is no start-up burst
        return run_command(args, sys.stdout, sys.stderr, {"export-pdf": _export_pdf})
    except UsageError as exc:
        say(f"{APP_ID}: {exc}")
        return EXIT_USAGE
    except BrokenPipeError:  # `main.py text | head` closed the pipe: nothing left to say
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the promise is one sentence, never a traceback
        say(f"{APP_ID}: unexpected error ({exc.__class__.__name__}: {exc}); please report it")
        return EXIT_PROBLEMS


def _export_pdf(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    from app.ui.features.printing.export_command import run_export_pdf  # late: only this command needs Qt

    return run_export_pdf(library, args.profile, args.file, out)
