"""The generated client: importable, typed, current, and its request models round-trip."""

from __future__ import annotations

import copy
import importlib
import json
import shutil
import subprocess
import sys
import typing
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "generated_client" / "omnisegment_api"
SPEC: dict[str, Any] = json.loads(
    (resources.files("omnisegment_api") / "openapi.json").read_text(encoding="utf-8")
)
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


def _operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if method in HTTP_METHODS:
                yield path, method, op


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = SPEC["components"]["schemas"][name]
    return schema


def _minimal(schema: dict[str, Any], value: Any) -> Any:
    """Keep only what the schema requires, recursively (the smallest valid payload)."""
    schema = _resolve(schema)
    if isinstance(value, dict) and "properties" in schema:
        required = schema.get("required", [])
        props = schema["properties"]
        return {k: _minimal(props[k], value[k]) for k in required if k in value}
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [_minimal(schema["items"], item) for item in value[:1]]
    return value


def _body_cases() -> Iterator[Any]:
    for _path, _method, op in _operations():
        content = op.get("requestBody", {}).get("content", {}).get("application/json")
        if not content:
            continue
        for name, example in content.get("examples", {}).items():
            value = example["value"]
            yield pytest.param(op, value, id=f"{op['operationId']}-{name}-full")
            yield pytest.param(
                op, _minimal(content["schema"], value), id=f"{op['operationId']}-{name}-minimal"
            )


def _body_model(op: dict[str, Any]) -> Any:
    tag = op["tags"][0].replace("-", "_")
    module = importlib.import_module(f"omnisegment_api.api.{tag}.{op['operationId']}")
    return typing.get_type_hints(module._get_kwargs)["body"]


def test_package_is_typed_and_ships_the_spec() -> None:
    assert (PACKAGE / "py.typed").is_file()
    assert SPEC["openapi"].startswith("3.1")


def test_every_operation_has_a_generated_module() -> None:
    for _path, _method, op in _operations():
        tag = op["tags"][0].replace("-", "_")
        module = importlib.import_module(f"omnisegment_api.api.{tag}.{op['operationId']}")
        for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
            assert callable(getattr(module, name)), (op["operationId"], name)


@pytest.mark.parametrize(("op", "payload"), list(_body_cases()))
def test_request_model_round_trips(op: dict[str, Any], payload: dict[str, Any]) -> None:
    model = _body_model(op)
    parsed = model.from_dict(copy.deepcopy(payload))
    assert model.from_dict(parsed.to_dict()) == parsed
    assert json.loads(json.dumps(parsed.to_dict())) == payload


def _run_check(against: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate.py"), "--check", "--against", str(against)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(
    shutil.which("openapi-python-client", path=str(Path(sys.executable).parent)) is None,
    reason="the pinned generator is installed by the nox sessions",
)
def test_drift_check_passes_on_committed_client_and_catches_hand_edits(tmp_path: Path) -> None:
    copy_dir = tmp_path / "omnisegment_api"
    shutil.copytree(PACKAGE, copy_dir, ignore=shutil.ignore_patterns("__pycache__"))
    clean = _run_check(copy_dir)
    assert clean.returncode == 0, clean.stdout + clean.stderr

    client_py = copy_dir / "client.py"
    client_py.write_text(client_py.read_text() + "\n# hand edit\n")
    (copy_dir / "models" / "extra_module.py").write_text("X = 1\n")
    (copy_dir / "types.py").unlink()
    stale = _run_check(copy_dir)
    assert stale.returncode == 1
    assert "content differs: client.py" in stale.stdout
    assert "extra in committed client: models/extra_module.py" in stale.stdout
    assert "missing from committed client: types.py" in stale.stdout
