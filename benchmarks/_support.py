"""Helpers shared by the bulk benchmarks: paths, an emulator process, the sample generator."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = [ROOT / "wrapper", ROOT / "generated_client", ROOT / "emulator"]


def ensure_importable() -> None:
    """Make the source checkout importable when the project is not installed."""
    try:
        import omnisegment  # noqa: F401
        import omnisegment_emulator  # noqa: F401
    except ImportError:
        sys.path[:0] = [str(p) for p in SOURCE_DIRS]


def child_env() -> dict[str, str]:
    """Environment for child processes (the source dirs on PYTHONPATH)."""
    current = os.environ.get("PYTHONPATH")
    paths = [str(p) for p in SOURCE_DIRS] + ([current] if current else [])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def samplegen() -> ModuleType:
    """``samples/generate.py`` as a module."""
    spec = importlib.util.spec_from_file_location(
        "samples_generate", ROOT / "samples" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Emulator:
    """An emulator running in its own process (so it does not share our GIL or RSS)."""

    base_url: str
    api_key: str
    tid: str
    process: subprocess.Popen[str]


_SERVE = """
import json, sys
from omnisegment_emulator.testing import running_emulator
with running_emulator(**json.loads(sys.argv[1])) as emu:
    print(json.dumps({"base_url": emu.base_url, "api_key": emu.api_key, "tid": emu.tid}),
          flush=True)
    sys.stdin.read()
"""


@contextmanager
def emulator_process(**config: Any) -> Iterator[Emulator]:
    """Start ``running_emulator(**config)`` in a child process for the ``with`` block."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _SERVE, json.dumps(config)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    assert proc.stdout is not None and proc.stdin is not None
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        raise RuntimeError("the emulator process did not start")
    info = json.loads(line)
    try:
        yield Emulator(info["base_url"], info["api_key"], info["tid"], proc)
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def table(title: str, header: list[str], rows: list[list[str]]) -> str:
    """A plain-text table (benchmarks print without colours)."""
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    out = [title, line, "  ".join("-" * w for w in widths)]
    for row in rows:
        cells = [
            str(c).ljust(w) if i == 0 else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        out.append("  ".join(cells))
    return "\n".join(out)
