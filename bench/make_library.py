"""Writes N synthetic country profiles for benchmarks: `python bench/make_library.py N DIR`.

Seeded and deterministic (the same N gives the same files), each of the size of a real profile
(quick facts, contacts, trends, three long paragraphs, mechanisms, challenges), with sentences made
from the bundled profile's own vocabulary. Every file says it is synthetic, in a comment and in
its name ("Synthetic 0001"); they are for measuring only and never belong in data/.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "profiles" / "lao-pdr.yaml"


def vocabulary() -> list[str]:
    """The words of the bundled profile, with their frequencies (repeats kept)."""
    text = SOURCE.read_text(encoding="utf-8")
    return re.findall(r"[A-Za-z][A-Za-z’-]+", text.split("sections:", 1)[1])


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _sentence(rng: random.Random, words: list[str], low: int, high: int) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(low, high))]
    return " ".join(chosen).capitalize() + "."


def _paragraph(rng: random.Random, words: list[str]) -> str:
    return " ".join(_sentence(rng, words, 12, 28) for _ in range(rng.randint(5, 8)))


def profile_yaml(number: int, words: list[str]) -> str:
    rng = random.Random(number)
    pid, name = f"synthetic-{number:04d}", f"Synthetic {number:04d}"
    lines = [
        "# SYNTHETIC profile for benchmarks only: generated text, not real content. Never bundle it.",
        "schema: 1",
        f"id: {pid}",
        f"name: {name}",
        "source: {publisher: Benchmark generator}",
        "sections:",
        "  - id: quick-facts",
        f"    title: {name} Quick Facts",
        "    blocks:",
        "      - facts:",
    ]
    for label in ("Capital", "Population", "Estimated rural population", "GDP per capita", "HDI Rank",
                  "Neighbouring Countries", "Languages", "Currency"):
        value = f"{rng.randint(1, 999)}.{rng.randint(0, 9)} {rng.choice(words)}"
        lines.append(f"          - {{label: {label}, value: {_quote(value)}, year: {rng.randint(2005, 2020)}}}")
    lines += ["  - id: contact-details", "    title: Contact Details", "    blocks:"]
    for _ in range(3):
        person = f"{rng.choice(words).capitalize()} {rng.choice(words).capitalize()}"
        phone = f"+{rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
        lines += [
            "      - contact:",
            f"          name: {_quote(person)}",
            f"          role: {_quote(_sentence(rng, words, 2, 4)[:-1])}",
            f"          phones: [{{label: Tel, number: {_quote(phone)}}}]",
        ]
    for sid, title, kind in (
        ("trafficking-trends", "National Trafficking Trends", "bullets"),
        ("trafficking-situation", "The Trafficking Situation", "paragraphs"),
        ("anti-trafficking-mechanisms", "Anti-trafficking mechanisms at a glance", "bullets"),
        ("challenges", "TIP challenges ahead", "paragraphs"),
    ):
        lines += [f"  - id: {sid}", f"    title: {title}", "    blocks:"]
        if kind == "bullets":
            lines.append("      - bullets:")
            lines += [f"          - {_quote(_sentence(rng, words, 8, 24))}" for _ in range(rng.randint(6, 10))]
        else:
            lines += [f"      - paragraph: {_quote(_paragraph(rng, words))}" for _ in range(3)]
    return "\n".join(lines) + "\n"


def write_library(count: int, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    words = vocabulary()
    written = []
    for number in range(1, count + 1):
        target = folder / f"synthetic-{number:04d}.yaml"
        target.write_text(profile_yaml(number, words), encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many profiles")
    parser.add_argument("folder", type=Path, help="where to write them")
    args = parser.parse_args(argv)
    if args.folder.resolve().is_relative_to((ROOT / "data").resolve()):
        parser.error("synthetic profiles never go into data/")
    written = write_library(args.count, args.folder)
    print(f"{len(written)} synthetic profiles in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
