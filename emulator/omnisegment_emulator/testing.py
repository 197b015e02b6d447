"""Run the emulator for tests: ``with running_emulator(rate_limit=0) as emu: ...``."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn

from .app import EmulatorApp, create_app
from .config import EmulatorConfig


@dataclass
class RunningEmulator:
    """A live emulator on a loopback port."""

    base_url: str
    api_key: str
    tid: str
    control: httpx.Client
    app: EmulatorApp
    config: EmulatorConfig
    _server: uvicorn.Server = field(repr=False)

    def __repr__(self) -> str:
        return f"RunningEmulator(base_url={self.base_url!r}, tid={self.tid!r})"

    @property
    def port(self) -> int:
        """The TCP port."""
        return int(self.base_url.rsplit(":", 1)[1])

    def store(self, collection: str) -> list[Any]:
        """All records of a collection (``GET /_emulator/store/{collection}``)."""
        response = self.control.get(f"store/{collection}")
        response.raise_for_status()
        result: list[Any] = response.json()
        return result

    def requests(self) -> list[dict[str, Any]]:
        """The request log (``GET /_emulator/requests``)."""
        response = self.control.get("requests")
        response.raise_for_status()
        result: list[dict[str, Any]] = response.json()
        return result

    def reset(self) -> None:
        """Forget all data (``POST /_emulator/reset``)."""
        self.control.post("reset").raise_for_status()

    def set_faults(self, faults: str = "", **options: Any) -> dict[str, Any]:
        """``PUT /_emulator/faults`` with ``faults`` plus ``path``, ``next``, ``seed``, ..."""
        response = self.control.put("faults", json={"faults": faults, **options})
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result


def _free_socket(host: str) -> socket.socket:
    # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on sockets created that way.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, 0))
        sock.listen(128)
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    return sock


def _stop(server: uvicorn.Server, thread: threading.Thread) -> None:
    server.should_exit = True
    thread.join(timeout=10)


@contextmanager
def running_emulator(
    *, host: str = "127.0.0.1", startup_timeout: float = 10.0, **config: Any
) -> Iterator[RunningEmulator]:
    """Start the emulator (uvicorn in a thread, free loopback port) for the ``with`` block.

    Keyword arguments are ``EmulatorConfig`` fields: ``db``, ``api_key``, ``tid``,
    ``rate_limit``, ``faults``, ``latency``, ``seed``, ``report_delay``. On the way out (or
    when start-up fails) the server thread is stopped and joined before the socket and the
    database are closed.
    """
    settings = EmulatorConfig(**config).resolved()
    app = create_app(settings)
    with ExitStack() as cleanup:
        cleanup.callback(app.engine.close)
        sock = _free_socket(host)
        cleanup.callback(sock.close)
        port = sock.getsockname()[1]
        server = uvicorn.Server(
            uvicorn.Config(
                app,
                log_level="warning",
                access_log=False,
                lifespan="off",
                timeout_graceful_shutdown=2,
            )
        )
        thread = threading.Thread(
            target=server.run,
            kwargs={"sockets": [sock]},
            name="omnisegment-emulator",
            daemon=True,
        )
        thread.start()
        cleanup.callback(_stop, server, thread)
        deadline = time.monotonic() + startup_timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the emulator did not start")
            time.sleep(0.01)
        base_url = f"http://{host}:{port}"
        control = cleanup.enter_context(
            httpx.Client(base_url=f"{base_url}/_emulator/", timeout=10.0)
        )
        yield RunningEmulator(
            base_url=base_url,
            api_key=app.engine.api_key,
            tid=app.engine.tid,
            control=control,
            app=app,
            config=settings,
            _server=server,
        )
