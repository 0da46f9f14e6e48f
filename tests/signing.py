"""Keys and signatures made by the real `minisign` tool, as a publisher makes them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

MINISIGN = shutil.which("minisign") or "minisign"


def make_key(folder: Path, name: str) -> tuple[Path, Path]:
    """A new key pair without a password: (NAME.pub, NAME.key) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    public, secret = folder / f"{name}.pub", folder / f"{name}.key"
    subprocess.run([MINISIGN, "-G", "-W", "-p", str(public), "-s", str(secret)],
                   check=True, capture_output=True, stdin=subprocess.DEVNULL)
    return public, secret


def sign(secret: Path, file: Path, *, legacy: bool = False, comment: str | None = None) -> Path:
    """FILE.minisig beside `file`, in minisign's default (prehashed) or legacy mode."""
    command = [MINISIGN, "-S", "-s", str(secret), "-m", str(file)]
    command += ["-l"] if legacy else []
    command += ["-t", comment] if comment is not None else []
    subprocess.run(command, check=True, capture_output=True, stdin=subprocess.DEVNULL)
    return file.with_name(file.name + ".minisig")


def change_one_digit(file: Path) -> None:
    """The kind of alteration that sends a caller to the wrong number: one digit, same length."""
    text = file.read_text(encoding="utf-8")
    assert "Testville" in text or "2020" in text
    file.write_text(text.replace("2020", "2021", 1), encoding="utf-8")
