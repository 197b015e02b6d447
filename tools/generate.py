"""Regenerate ``generated_client/omnisegment_api`` from the spec, or check that it is current.

Usage::

    python tools/generate.py            # delete and regenerate the committed package
    python tools/generate.py --check    # regenerate into a temporary folder and compare
    python tools/generate.py --check --against DIR   # compare a fresh generation with DIR

The generator (pinned openapi-python-client) writes the package; this script then adds
``py.typed`` and ``openapi.json`` (the spec as JSON), so runtime code can read the per-operation
``x-omnisegment-*`` extensions without shipping YAML. Stale means any difference: a changed,
missing or extra file.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "omnisegment.yaml"
CONFIG = ROOT / "generator_config.yml"
PACKAGE = ROOT / "generated_client" / "omnisegment_api"
IGNORED = {"__pycache__", ".ruff_cache", ".mypy_cache"}


def generate(output: Path) -> None:
    """Generate the package into ``output`` (deleted first: the generator leaves stale files)."""
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    generator = shutil.which("openapi-python-client", path=_tool_path())
    if generator is None:
        sys.exit("openapi-python-client is not installed; run `nox -s generate`")
    env = dict(os.environ, PATH=_tool_path())
    result = subprocess.run(
        [
            generator,
            "generate",
            "--path",
            str(SPEC),
            "--meta",
            "none",
            "--output-path",
            str(output),
            "--config",
            str(CONFIG),
            "--fail-on-warning",
        ],
        cwd=output.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"generation failed with exit code {result.returncode}")
    shutil.rmtree(output / ".ruff_cache", ignore_errors=True)
    # --meta none writes no py.typed; the package is fully typed, so mark it.
    (output / "py.typed").write_text("")
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    (output / "openapi.json").write_text(
        json.dumps(spec, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def differences(expected: Path, actual: Path) -> list[str]:
    """Return one line per file that differs between two package trees."""
    found: list[str] = []
    _compare(filecmp.dircmp(expected, actual, ignore=list(IGNORED)), Path(), found)
    return found


def _compare(cmp: filecmp.dircmp[str], rel: Path, found: list[str]) -> None:
    found.extend(f"missing from committed client: {rel / n}" for n in sorted(cmp.left_only))
    found.extend(f"extra in committed client: {rel / n}" for n in sorted(cmp.right_only))
    found.extend(f"type differs: {rel / n}" for n in sorted(cmp.common_funny))
    for name in sorted(cmp.common_files):
        if (Path(cmp.left) / name).read_bytes() != (Path(cmp.right) / name).read_bytes():
            found.append(f"content differs: {rel / name}")
    for name, sub in sorted(cmp.subdirs.items()):
        _compare(sub, rel / name, found)


def _tool_path() -> str:
    """PATH with this interpreter's scripts first, so the pinned generator and ruff are used."""
    return os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the client is stale")
    parser.add_argument("--against", type=Path, default=PACKAGE, help="package to check")
    args = parser.parse_args(argv)
    if not args.check:
        generate(PACKAGE)
        print(f"regenerated {PACKAGE.relative_to(ROOT)}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "omnisegment_api"
        generate(fresh)
        if not args.against.is_dir():
            print(f"stale: {args.against} does not exist; run `nox -s generate`")
            return 1
        found = differences(fresh, args.against)
    if found:
        print("generated client is stale; run `nox -s generate` and commit the result:")
        print("\n".join(f"  {line}" for line in found))
        return 1
    print("generated client is up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
