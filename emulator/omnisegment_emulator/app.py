"""The ASGI application: OmniSegment operations driven by the spec, plus ``/_emulator/``.

API requests take a lean path that bypasses Starlette's routing (the spec's routes are
matched from a precomputed table); the control API is ordinary Starlette routes.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import socket
import struct
import time
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl

import anyio
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route as StarletteRoute
from starlette.types import Receive, Scope, Send

from .config import HTML, RESET, EmulatorConfig, FaultRule, fault_rule, parse_faults
from .errors import REASONS, ApiError, envelope_bytes
from .faults import FaultInjector
from .handlers import Call, Handlers
from .ratelimit import RateLimiter
from .reports import build_report, media_type
from .spec import Operation, Route, build_routes, describe_errors, load_spec
from .store import COLLECTIONS, Store

logger = logging.getLogger("omnisegment_emulator")

CONTROL_PREFIX = "/_emulator/"
#: How many of the most recent request bodies the request log keeps (older entries: null).
BODY_LOG_SIZE = 500
SECRET_NAMES = frozenset({"api_key", "apikey", "x-omnisegment-api-key"})
_JSON_HEADERS = [(b"content-type", b"application/json")]
_GATEWAY_HTML = (
    b"<html><head><title>502 Bad Gateway</title></head>"
    b"<body><center><h1>502 Bad Gateway</h1></center></body></html>"
)


class ResetConnection(ConnectionResetError):
    """Raised in-process (no socket) where a real server drops the connection."""


def redact(value: Any, secret: str | None) -> Any:
    """Replace credentials (fields named like an API key, or the key itself) with ``***``.

    The key is replaced wherever it stands, in field names too (the names of credential
    fields stay readable: their values are masked).
    """
    if isinstance(value, dict):
        return dict(
            (k, "***") if str(k).lower() in SECRET_NAMES else (redact(k, secret), redact(v, secret))
            for k, v in value.items()
        )
    if isinstance(value, list):
        return [redact(v, secret) for v in value]
    if isinstance(value, str) and secret and secret in value:
        return value.replace(secret, "***")
    return value


class Engine:
    """Serves the OmniSegment operations of the spec with state, limits and faults."""

    def __init__(
        self,
        config: EmulatorConfig,
        spec: Mapping[str, Any] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config.resolved()
        self.api_key: str = self.config.api_key or ""
        self.tid: str = self.config.tid or ""
        self.spec = dict(spec) if spec is not None else load_spec()
        self.exact, self.templated = build_routes(self.spec)
        self.operation_count = sum(
            len(r.operations) for r in [*self.exact.values(), *self.templated]
        )
        self.clock = clock
        self.store = Store(self.config.db)
        self.handlers = Handlers(self.store, self.config.report_delay)
        self.limiter = RateLimiter(self.config.rate_limit)
        self.faults = FaultInjector(self.config.faults, self.config.seed)
        self.latency = self.config.latency / 1000.0
        self.initial_latency = self.latency
        self.log: deque[tuple[Any, ...]] = deque(maxlen=self.config.request_log_size)
        # Bodies are kept for the most recent requests only, to bound memory in long runs.
        self._bodies: deque[list[Any]] = deque()
        self._key_bytes = self.api_key.encode("utf-8")
        self._tid_bytes = self.tid.encode("utf-8")

    # ------------------------------------------------------------------ routing

    def match(self, path: str) -> tuple[Route | None, dict[str, str]]:
        """The route of ``path`` and its raw path parameters."""
        route = self.exact.get(path)
        if route is not None:
            return route, {}
        for candidate in self.templated:
            assert candidate.regex is not None
            found = candidate.regex.match(path)
            if found is not None:
                return candidate, found.groupdict()
        return None, {}

    # ------------------------------------------------------------------ ASGI

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        received = self.clock()
        method: str = scope["method"]
        path: str = scope["path"]
        chunks: list[bytes] = []
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        raw = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        route, params = self.match(path)
        op = route.operations.get(method) if route is not None else None
        fault: str | None = None
        headers: list[tuple[bytes, bytes]] = _JSON_HEADERS
        parsed: Any = None
        if route is not None and op is not None:
            if self.latency:
                await anyio.sleep(self.latency)
            if self.faults.rules:
                fault = self.faults.pick(path, route.template)
        if fault is not None:
            status, body, headers = self._fault_response(fault)
            if fault == RESET:
                self._record(received, started, method, path, scope, 0, op, fault, None)
                await self._drop(send, receive)
                return
        elif route is None:
            status = 404
            hint = ""
            if not path.endswith("/") and self.match(path + "/")[0] is not None:
                hint = " (paths end with a slash)"
            body = envelope_bytes("Not Found", f"Not Found: no such endpoint{hint}")
        elif op is None:
            status = 405
            body = envelope_bytes(
                "Method Not Allowed", f"Method Not Allowed: use {route.allow} on this path"
            )
            headers = [*_JSON_HEADERS, (b"allow", route.allow.encode())]
        else:
            seen: list[Any] = []
            try:
                payload = self._serve(op, scope, raw, params, received, seen)
                status = 200
                body = orjson.dumps({"SUCCESS": True, "PAYLOAD": payload})
            except ApiError as error:
                status = error.status
                body = envelope_bytes(error.type_key, self._scrub(error.message))
                if error.status == 429:
                    retry = max(1, error.retry_after)
                    headers = [*_JSON_HEADERS, (b"retry-after", str(retry).encode())]
            if seen:
                parsed = seen[0]
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [*headers, (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})
        self._record(received, started, method, path, scope, status, op, fault, parsed)

    def _scrub(self, message: str) -> str:
        if self.api_key and self.api_key in message:
            return message.replace(self.api_key, "***")
        return message

    def _record(
        self,
        received: float,
        started: float,
        method: str,
        path: str,
        scope: Scope,
        status: int,
        op: Operation | None,
        fault: str | None,
        parsed: Any,
    ) -> None:
        duration = time.perf_counter() - started
        path = self._scrub(path)  # a key sent as part of the path must not be kept
        holder = [parsed]
        if parsed is not None:
            self._bodies.append(holder)
            if len(self._bodies) > BODY_LOG_SIZE:
                self._bodies.popleft()[0] = None
        self.log.append(
            (
                received,
                method,
                path,
                scope.get("query_string", b""),
                status,
                duration,
                op.operation_id if op else None,
                fault,
                holder,
            )
        )
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("%s %s -> %s (%.1f ms)", method, path, status or fault, duration * 1000)

    def _fault_response(self, fault: str) -> tuple[int, bytes, list[tuple[bytes, bytes]]]:
        if fault == HTML:
            return 502, _GATEWAY_HTML, [(b"content-type", b"text/html")]
        if fault == RESET:
            return 0, b"", []
        status = int(fault)
        reason = REASONS.get(status, "Error")
        body = envelope_bytes(reason, f"{reason}: injected fault")
        if status == 429:
            return status, body, [*_JSON_HEADERS, (b"retry-after", b"1")]
        return status, body, _JSON_HEADERS

    async def _drop(self, send: Send, receive: Receive) -> None:
        """Drop the connection without an answer (a TCP reset under uvicorn)."""
        cycle = getattr(send, "__self__", None)
        transport = getattr(cycle, "transport", None)
        if transport is None:
            raise ResetConnection("emulated connection reset")
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):  # linger 0: close with a TCP reset
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
        try:
            with anyio.fail_after(2):
                while (await receive())["type"] != "http.disconnect":
                    pass
        except (TimeoutError, asyncio.CancelledError):  # pragma: no cover - defensive
            pass

    # ------------------------------------------------------------------ one API call

    def _header(self, scope: Scope, name: bytes) -> bytes | None:
        for key, value in scope["headers"]:
            if key == name:
                return bytes(value)
        return None

    def _serve(
        self,
        op: Operation,
        scope: Scope,
        raw: bytes,
        raw_params: dict[str, str],
        now: float,
        seen: list[Any],
    ) -> Any:
        """Return the PAYLOAD or raise ApiError; the parsed body is appended to ``seen``."""
        body: Any = None
        if op.auth == "header":
            key = self._header(scope, op.header_name.encode("latin-1"))
            if not key:
                raise ApiError(
                    401, "Unauthorized", "Unauthorized: the X-OmniSegment-Api-Key header is missing"
                )
            if not hmac.compare_digest(key, self._key_bytes):
                raise ApiError(403, "Forbidden", "Forbidden: invalid X-OmniSegment-Api-Key or tid")
        if op.has_body:
            body = self._parse_body(raw)
            seen.append(body)
        if op.auth == "body":
            key_value = body.get("api_key") if isinstance(body, dict) else None
            if key_value is None or key_value == "":
                raise ApiError(
                    401, "Unauthorized", "Unauthorized: api_key is missing from the request body"
                )
            if not isinstance(key_value, str) or not hmac.compare_digest(
                key_value.encode("utf-8"), self._key_bytes
            ):
                raise ApiError(403, "Forbidden", "Forbidden: invalid api_key or tid")
        query = (
            dict(parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True))
            if scope.get("query_string")
            else {}
        )
        tid = body.get("tid") if op.tid == "body" and isinstance(body, dict) else query.get("tid")
        if not isinstance(tid, str) or not hmac.compare_digest(
            tid.encode("utf-8"), self._tid_bytes
        ):
            scheme = "X-OmniSegment-Api-Key" if op.auth == "header" else "api_key"
            raise ApiError(403, "Forbidden", f"Forbidden: invalid {scheme} or tid")
        rule = op.rate_limit if self.limiter.override else None
        if rule is not None:
            wait = self.limiter.check(rule, self.api_key, now, consume=rule.count_failed)
            if wait:
                raise ApiError(
                    429,
                    "Too Many Requests",
                    f"Too Many Requests: rate limit of {rule.bucket} exceeded; "
                    f"retry after {wait} s",
                    retry_after=wait,
                )
        path_params = self._check_params(op, query, raw_params)
        if (
            op.body_validator is not None
            and body is not None
            and not op.body_validator.is_valid(body)
        ):
            batch = (op.batch_field, op.batch_max) if op.batch_field and op.batch_max else None
            type_key, message = describe_errors(op.body_validator, body, batch=batch)
            raise ApiError(400, type_key, message)
        handler = self.handlers.get(op.operation_id)
        payload = None
        if handler is not None:
            call = Call(op.operation_id, body, query, path_params, tid, self._base_url(scope), now)
            with self.store.transaction() as tx:
                payload = handler(tx, call)
        if rule is not None and not rule.count_failed:
            self.limiter.consume(rule, self.api_key, now)
        return payload

    @staticmethod
    def _parse_body(raw: bytes) -> Any:
        if not raw.strip():
            raise ApiError(
                400, "Input Error", "Input Error: the request body must be a JSON object"
            )
        try:
            body = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise ApiError(
                400, "Input Error", "Input Error: the request body is not valid JSON"
            ) from None
        if not isinstance(body, dict):
            raise ApiError(
                400, "Input Error", "Input Error: the request body must be a JSON object"
            )
        return body

    @staticmethod
    def _check_params(
        op: Operation, query: dict[str, str], raw_params: dict[str, str]
    ) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for param in (*op.path_params, *op.query):
            source = raw_params if param.location == "path" else query
            if param.name not in source:
                if param.required:
                    raise ApiError(
                        400,
                        "Missing Input Error",
                        f"Missing Input Error: Missing required parameter: {param.name}",
                    )
                continue
            text = source[param.name]
            value: Any = text
            try:
                if param.integer:
                    value = int(text)
                elif param.number:
                    value = float(text)
                elif param.boolean and text in ("true", "false"):
                    value = text == "true"
            except ValueError:
                value = text
            if not param.validator.is_valid(value):
                _, message = describe_errors(param.validator, value, prefix=param.name)
                raise ApiError(400, "Input Error", message)
            values[param.name] = value
        return values

    @staticmethod
    def _base_url(scope: Scope) -> str:
        host = None
        for key, value in scope["headers"]:
            if key == b"host":
                host = value.decode("latin-1")
                break
        if host is None:
            server = scope.get("server")
            host = f"{server[0]}:{server[1]}" if server else "localhost"
        return f"{scope.get('scheme', 'http')}://{host}"

    # ------------------------------------------------------------------ control API

    def requests(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The request log, credentials redacted."""
        entries = list(self.log)
        if limit is not None:
            entries = entries[-limit:] if limit > 0 else []
        out = []
        for received, method, path, query_string, status, duration, op_id, fault, held in entries:
            query = redact(
                dict(parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)),
                self.api_key,
            )
            out.append(
                {
                    "time": received,
                    "method": method,
                    "path": path,
                    "query": query,
                    "status": status if status else None,
                    "duration": duration,
                    "operation_id": op_id,
                    "fault": fault,
                    "body": redact(held[0], self.api_key),
                }
            )
        return out

    def clear_log(self) -> None:
        """Empty the request log."""
        self.log.clear()
        self._bodies.clear()

    def reset(self) -> None:
        """Forget all data, the request log, rate-limit state and runtime faults."""
        self.store.reset()
        self.clear_log()
        self.limiter.reset()
        self.faults.reset()
        self.latency = self.initial_latency

    def report_file(self, token: str) -> tuple[bytes, str] | None:
        """The generated file of a finished report, or None."""
        now = self.clock()
        with self.store.transaction() as tx:
            report = self.store.report_by_token(tx, token)
            if report is None or now < report["ready"]:
                return None
            content = report["content"]
            if content is None:
                content = build_report(self.store, tx, report)
                self.store.report_set_content(tx, report["id"], content)
        return bytes(content), media_type(report)

    def close(self) -> None:
        """Close the database."""
        self.store.close()


class EmulatorApp(Starlette):
    """Starlette application of the emulator (``engine`` holds the state)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        super().__init__(routes=_control_routes(engine))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith(CONTROL_PREFIX):
            await self.engine(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def _control_routes(engine: Engine) -> list[StarletteRoute]:
    def error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"error": message}, status_code=status)

    async def health(request: Request) -> Response:
        return JSONResponse(
            {
                "status": "ok",
                "operations": engine.operation_count,
                "db": engine.config.db or ":memory:",
                "tid": engine.tid,
                "rate_limit": engine.config.rate_limit,
                "report_delay": engine.config.report_delay,
                "latency_ms": engine.latency * 1000,
                "faults": [r.as_dict() for r in engine.faults.rules],
            }
        )

    async def reset(request: Request) -> Response:
        engine.reset()
        return JSONResponse({"status": "ok"})

    async def store(request: Request) -> Response:
        collection = request.path_params["collection"]
        if collection not in COLLECTIONS:
            return error(404, f"unknown collection; use one of: {', '.join(COLLECTIONS)}")
        return Response(orjson.dumps(engine.store.dump(collection)), media_type="application/json")

    async def requests(request: Request) -> Response:
        if request.method == "DELETE":
            engine.clear_log()
            return JSONResponse({"status": "ok"})
        limit = request.query_params.get("limit")
        try:
            count = int(limit) if limit is not None else None
        except ValueError:
            return error(400, "limit must be an integer")
        return Response(orjson.dumps(engine.requests(count)), media_type="application/json")

    async def faults(request: Request) -> Response:
        if request.method == "PUT":
            try:
                spec = orjson.loads(await request.body() or b"{}")
            except orjson.JSONDecodeError:
                return error(400, "body must be JSON")
            if not isinstance(spec, dict):
                return error(400, "body must be a JSON object")
            try:
                _apply_faults(engine, spec)
            except (TypeError, ValueError) as exc:
                return error(400, str(exc))
        return JSONResponse(
            {
                "rules": [r.as_dict() for r in engine.faults.rules],
                "latency_ms": engine.latency * 1000,
            }
        )

    async def files(request: Request) -> Response:
        found = engine.report_file(request.path_params["token"])
        if found is None:
            return error(404, "no such report file (or not ready yet)")
        content, media = found
        return Response(content, media_type=media)

    return [
        StarletteRoute("/_emulator/health", health, methods=["GET"]),
        StarletteRoute("/_emulator/reset", reset, methods=["POST"]),
        StarletteRoute("/_emulator/store/{collection}", store, methods=["GET"]),
        StarletteRoute("/_emulator/requests", requests, methods=["GET", "DELETE"]),
        StarletteRoute("/_emulator/faults", faults, methods=["GET", "PUT"]),
        StarletteRoute("/_emulator/files/{token}/{name}", files, methods=["GET"]),
    ]


def _rule_scope(path: Any, times: Any) -> tuple[str | None, int | None]:
    """Check the ``path`` and ``next`` of a fault rule given through the control API."""
    if path is not None and not isinstance(path, str):
        raise ValueError("path must be a string")
    if times is not None and (isinstance(times, bool) or not isinstance(times, int) or times < 1):
        raise ValueError("next must be a positive integer")
    return path, times


def _apply_faults(engine: Engine, spec: dict[str, Any]) -> None:
    """Apply a ``PUT /_emulator/faults`` body.

    Keys: ``faults`` (rule text such as ``"503:0.5,reset:0.1"``), or ``rules`` (a list of
    ``{kind, probability, path, next}``), ``path`` and ``next`` (defaults for the text form),
    ``append`` (keep existing rules), ``seed`` and ``latency`` (ms).
    """
    rules: list[FaultRule] = []
    path, times = _rule_scope(spec.get("path"), spec.get("next"))
    text = spec.get("faults")
    if text is not None:
        if not isinstance(text, str):
            raise ValueError("faults must be a string such as '503:0.1,reset:0.01'")
        rules.extend(parse_faults(text, path=path, times=times))
    for item in spec.get("rules") or []:
        if not isinstance(item, dict):
            raise ValueError("rules must be objects")
        item_path, item_times = _rule_scope(item.get("path", path), item.get("next", times))
        probability = float(item.get("probability", 1.0))
        rules.append(fault_rule(str(item.get("kind")), probability, item_path, item_times))
    seed = spec.get("seed")
    if seed is not None and not isinstance(seed, int):
        raise ValueError("seed must be an integer")
    latency = spec.get("latency")
    if latency is not None:
        if not isinstance(latency, int | float) or latency < 0:
            raise ValueError("latency must be a number of milliseconds >= 0")
        engine.latency = float(latency) / 1000.0
    given = text is not None or "rules" in spec
    if given and spec.get("append"):
        engine.faults.add_rules(rules)
    elif given:
        engine.faults.set_rules(rules)
    if seed is not None:
        engine.faults.set_rules(engine.faults.rules, seed=seed)


def create_app(
    config: EmulatorConfig | None = None,
    *,
    spec: Mapping[str, Any] | None = None,
    clock: Callable[[], float] = time.time,
) -> EmulatorApp:
    """Build the emulator as a Starlette app (``app.engine`` holds state and credentials)."""
    return EmulatorApp(Engine(config or EmulatorConfig(), spec=spec, clock=clock))
