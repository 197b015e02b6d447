"""The operation table, read from the spec's ``x-omnisegment-*`` extensions.

The spec ships as ``openapi.json`` inside the generated ``omnisegment_api`` package. It
is loaded once, lazily, the first time an operation is looked up.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

__all__ = ["Operation", "OperationTable", "default_table"]

_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_PARAM = re.compile(r"\{([^}/]+)\}")


@dataclass(frozen=True, slots=True)
class Operation:
    """One API operation and the policies the spec attaches to it."""

    operation_id: str
    method: str
    path: str
    tag: str
    auth: Literal["body", "header"]
    tid: Literal["body", "query"]
    bucket: str
    limit: int
    period: float
    count_failed: bool
    idempotent: bool
    batch_field: str | None = None
    batch_max_items: int | None = None

    @property
    def path_params(self) -> tuple[str, ...]:
        """Names of the ``{...}`` parameters in the path template."""
        return tuple(_PARAM.findall(self.path))

    def format_path(self, path_params: Mapping[str, object] | None = None) -> str:
        """Fill the path template (values are URL-quoted)."""
        from urllib.parse import quote

        params = path_params or {}

        def sub(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in params:
                raise ValueError(f"{self.operation_id}: missing path parameter {name!r}")
            return quote(str(params[name]), safe="")

        return _PARAM.sub(sub, self.path)


def _ext(op: Mapping[str, Any], name: str, default: Any = None) -> Any:
    return op.get(f"x-omnisegment-{name}", default)


def _build_operation(method: str, path: str, op: Mapping[str, Any]) -> Operation:
    op_id = op.get("operationId")
    if not isinstance(op_id, str):
        raise ValueError(f"{method.upper()} {path}: operationId missing")
    auth = _ext(op, "auth", "body")
    tid = _ext(op, "tid", "body")
    if auth not in ("body", "header") or tid not in ("body", "query"):
        raise ValueError(f"{op_id}: bad x-omnisegment-auth/tid ({auth!r}, {tid!r})")
    rate = _ext(op, "rate-limit") or {}
    batch = _ext(op, "batch") or {}
    tags = op.get("tags") or [""]
    return Operation(
        operation_id=op_id,
        method=method.upper(),
        path=path,
        tag=str(tags[0]),
        auth=auth,
        tid=tid,
        bucket=str(rate.get("bucket", path)),
        limit=int(rate.get("limit", 10)),
        period=float(rate.get("period", 1)),
        count_failed=bool(rate.get("count-failed", True)),
        idempotent=bool(_ext(op, "idempotent", True)),
        batch_field=batch.get("field"),
        batch_max_items=int(batch["max-items"]) if "max-items" in batch else None,
    )


class OperationTable:
    """Lookup of operations by id and by ``(method, path)``."""

    def __init__(self, operations: list[Operation]) -> None:
        self._by_id: dict[str, Operation] = {}
        self._static: dict[tuple[str, str], Operation] = {}
        self._templated: list[tuple[str, re.Pattern[str], Operation]] = []
        for op in operations:
            if op.operation_id in self._by_id:
                raise ValueError(f"duplicate operationId {op.operation_id!r}")
            self._by_id[op.operation_id] = op
            if "{" in op.path:
                pattern = "".join(
                    "[^/]+" if part.startswith("{") else re.escape(part)
                    for part in re.split(r"(\{[^}/]+\})", op.path)
                )
                self._templated.append((op.method, re.compile(pattern + r"\Z"), op))
            else:
                self._static[(op.method, op.path)] = op

    @classmethod
    def from_spec(cls, spec: Mapping[str, Any]) -> OperationTable:
        """Build the table from a parsed OpenAPI document."""
        ops: list[Operation] = []
        for path, item in (spec.get("paths") or {}).items():
            for method in _METHODS:
                op = item.get(method)
                if isinstance(op, Mapping):
                    ops.append(_build_operation(method, path, op))
        return cls(ops)

    def __iter__(self) -> Iterator[Operation]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, operation_id: object) -> bool:
        return operation_id in self._by_id

    def get(self, operation_id: str) -> Operation:
        """Return the operation with this id (KeyError with a clear message if unknown)."""
        try:
            return self._by_id[operation_id]
        except KeyError:
            raise KeyError(f"unknown operation {operation_id!r}") from None

    def match(self, method: str, path: str) -> Operation | None:
        """Find the operation for a request path (relative to the base URL)."""
        op = self._static.get((method, path))
        if op is not None:
            return op
        for op_method, pattern, candidate in self._templated:
            if op_method == method and pattern.match(path):
                return candidate
        return None


_lock = threading.Lock()
_default: OperationTable | None = None


@functools.cache
def load_spec() -> dict[str, Any]:
    """The spec shipped as ``omnisegment_api/openapi.json`` (parsed once per process).

    Callers share the returned object: treat it as read-only.
    """
    text = (resources.files("omnisegment_api") / "openapi.json").read_text(encoding="utf-8")
    spec: dict[str, Any] = json.loads(text)
    return spec


def default_table() -> OperationTable:
    """The operation table of the installed spec (loaded once)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = OperationTable.from_spec(load_spec())
    return _default
