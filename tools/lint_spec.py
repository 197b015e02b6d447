"""Lint the spec: openapi-spec-validator, then Spectral (zero errors and zero warnings)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "omnisegment.yaml"
SPECTRAL = "@stoplight/spectral-cli@6.15.0"


def main() -> int:
    validate(yaml.safe_load(SPEC.read_text(encoding="utf-8")))
    print("openapi-spec-validator: ok")
    npx = shutil.which("npx")
    if npx is None:
        print("npx not found: install Node.js to run Spectral", file=sys.stderr)
        return 1
    result = subprocess.run(
        [npx, "-y", SPECTRAL, "lint", "--fail-severity", "warn", str(SPEC)],
        cwd=ROOT,
        check=False,
    )
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
