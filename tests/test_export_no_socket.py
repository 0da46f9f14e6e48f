"""`export-pdf` opens no socket: it needs no print service (CUPS), no network and no D-Bus.

Traced from outside with strace, so a connection made by Qt's or CUPS's C code is seen as well as
one made from Python. The print dialog is the one part of the app that asks the system's print
service for printers (README, Trust and safety); exporting a PDF never does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="strace is Linux's")


def _sockets(tmp_path: Path, *command: str) -> list[str]:
    """The socket and connect calls a command makes, in any of its processes."""
    strace = shutil.which("strace")
    assert strace is not None, "strace is needed (installed by .ci/run)"
    trace = tmp_path / "trace.txt"
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUPS_SERVER="127.0.0.1:631")
    completed = subprocess.run(
        [strace, "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace), *command],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return [line for line in trace.read_text(encoding="utf-8").splitlines() if "socket(" in line or "connect(" in line]


def test_the_trace_sees_a_socket_when_one_is_opened(tmp_path: Path) -> None:
    calls = _sockets(tmp_path, sys.executable, "-c", "import socket; socket.socket().close()")
    assert any("socket(AF_INET" in call for call in calls)


def test_export_pdf_opens_no_socket_even_with_a_print_server_named(tmp_path: Path) -> None:
    target = tmp_path / "profiles.pdf"
    calls = _sockets(tmp_path, sys.executable, "main.py", "export-pdf", str(target))
    assert calls == []
    assert target.read_bytes().startswith(b"%PDF")


def test_the_country_card_opens_no_socket_either(tmp_path: Path) -> None:
    target = tmp_path / "card.pdf"
    script = (
        "import sys\n"
        "from app.ui.application import create_window\n"
        "from app.ui.features.printing.feature import PrintingFeature\n"
        "window = create_window(['--section', 'lao-pdr/contact-details'])\n"
        "from pathlib import Path\n"
        "sys.exit(0 if window.feature(PrintingFeature).export_card(Path(sys.argv[1])) else 1)\n"
    )
    calls = _sockets(tmp_path, sys.executable, "-c", script, str(target))
    assert calls == []
    assert target.read_bytes().startswith(b"%PDF")
