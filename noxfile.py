"""Developer sessions: generate, lint, tests, contract, bench, demo."""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "uv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["tests"]

DEV = ".[dev]"
GENERATE = ".[generate]"


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate the client from the spec; `-- --check` fails when the committed one is stale."""
    session.install("openapi-python-client==0.29.1", "ruff==0.17.5", "pyyaml>=6.0")
    session.run("python", "tools/generate.py", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff, mypy strict on wrapper/ and emulator/, and the spec linters."""
    session.install("-e", DEV)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")
    session.run("python", "tools/lint_spec.py")


@nox.session
def tests(session: nox.Session) -> None:
    """The whole suite: spec, generation, emulator, in-process contract, wrapper, bulk, CLI."""
    session.install("-e", DEV, "openapi-python-client==0.29.1")
    session.run("pytest", "-m", "not contract_live", *session.posargs)


@nox.session
def contract(session: nox.Session) -> None:
    """Schemathesis against a live uvicorn emulator on loopback."""
    session.install("-e", DEV)
    session.run("pytest", "tests/contract", "-m", "contract_live", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks; each prints its figures and ratios measured side by side in one run."""
    session.install("-e", DEV)
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session
def demo(session: nox.Session) -> None:
    """Start the embedded emulator and bulk-import the sample files."""
    session.install("-e", ".[emulator]")
    session.run("omnisegment", "demo", *session.posargs)
