"""Fixtures for the command-line tests: a live emulator and a runner with credentials."""

from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def samplegen() -> ModuleType:
    """``samples/generate.py`` as a module."""
    name = "omnisegment_samples_generate"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "samples" / "generate.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@dataclass
class Cli:
    """Runs ``omnisegment`` in-process with the emulator's credentials."""

    emu: Any
    runner: CliRunner

    def env(self, **extra: str) -> dict[str, str]:
        return {
            "OMNISEGMENT_API_KEY": self.emu.api_key,
            "OMNISEGMENT_TID": self.emu.tid,
            "OMNISEGMENT_BASE_URL": self.emu.base_url,
            "COLUMNS": "200",
            **extra,
        }

    def __call__(self, *args: str, env: dict[str, str] | None = None, **kw: Any) -> Any:
        from omnisegment.cli import app

        return self.runner.invoke(app, list(args), env=env or self.env(), **kw)


@pytest.fixture
def cli(emulator: Any) -> Cli:
    return Cli(emulator, CliRunner())


def subprocess_env(emu: Any, **extra: str) -> dict[str, str]:
    """Environment for running the command in a child process."""
    paths = [str(ROOT / p) for p in ("wrapper", "generated_client", "emulator")]
    current = os.environ.get("PYTHONPATH")
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([*paths, *([current] if current else [])]),
        "OMNISEGMENT_API_KEY": emu.api_key,
        "OMNISEGMENT_TID": emu.tid,
        "OMNISEGMENT_BASE_URL": emu.base_url,
        **extra,
    }


@pytest.fixture
def child_env() -> Any:
    return subprocess_env
