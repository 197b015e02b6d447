"""Emulator configuration and the fault-rule language."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, replace

#: Fault kinds besides plain HTTP status codes.
RESET = "reset"
HTML = "html"


@dataclass(frozen=True, slots=True)
class FaultRule:
    """One fault: what to answer, with which probability, optionally on one path and N times."""

    kind: str  # an HTTP status code as text ("503"), "reset" (drop the connection) or "html"
    probability: float = 1.0
    path: str | None = None
    remaining: int | None = None  # None: unlimited

    def as_dict(self) -> dict[str, object]:
        """JSON form used by the control API."""
        return {
            "kind": self.kind,
            "probability": self.probability,
            "path": self.path,
            "remaining": self.remaining,
        }


def _check_kind(kind: str) -> str:
    kind = kind.strip().lower()
    if kind in (RESET, HTML):
        return kind
    if kind.isdigit() and 400 <= int(kind) <= 599:
        return kind
    raise ValueError(f"unknown fault kind {kind!r}: use a 4xx/5xx status code, 'reset' or 'html'")


def fault_rule(
    kind: str, probability: float = 1.0, path: str | None = None, times: int | None = None
) -> FaultRule:
    """One checked rule: a known kind and a probability between 0 and 1."""
    if not 0.0 <= probability <= 1.0:
        raise ValueError(f"fault probability must be between 0 and 1 for {kind!r}")
    return FaultRule(_check_kind(kind), probability, path, times)


def parse_faults(
    spec: str, *, path: str | None = None, times: int | None = None
) -> list[FaultRule]:
    """Parse ``503:0.1,429:0.05,reset:0.01`` (a kind without probability means always)."""
    rules: list[FaultRule] = []
    for raw in spec.split(","):
        part = raw.strip()
        if not part:
            continue
        kind, _, prob = part.partition(":")
        probability = 1.0
        if prob.strip():
            try:
                probability = float(prob)
            except ValueError:
                raise ValueError(f"bad fault probability in {part!r}") from None
        rules.append(fault_rule(kind, probability, path, times))
    total = sum(rule.probability for rule in rules)
    if total > 1.0 + 1e-9:
        raise ValueError(f"fault probabilities add up to {total:g}, more than 1")
    return rules


def generate_api_key() -> str:
    """A demo key shaped like the vendor's (a UUID)."""
    return str(uuid.uuid4())


def generate_tid() -> str:
    """A demo organisation id shaped like the vendor's (``OA-`` plus a short code)."""
    return "OA-" + secrets.token_hex(3)


@dataclass(frozen=True)
class EmulatorConfig:
    """Everything the emulator can be told at start-up.

    ``db`` None keeps the data in memory; a path keeps it in a SQLite file that survives a
    restart. ``api_key``/``tid`` None generate demo credentials. ``rate_limit`` replaces the
    spec's default 10 requests/second limits (0 turns every limit off). ``faults`` uses the
    ``503:0.1,reset:0.01`` language, ``latency`` is added to every API request in
    milliseconds, ``seed`` makes faults reproducible and ``report_delay`` is how long (seconds)
    a report stays RUNNING.
    """

    db: str | None = None
    api_key: str | None = None
    tid: str | None = None
    rate_limit: int = 10
    faults: str = ""
    latency: float = 0.0
    seed: int | None = None
    report_delay: float = 2.0
    request_log_size: int = 10_000

    def __post_init__(self) -> None:
        if self.rate_limit < 0:
            raise ValueError("rate_limit must be >= 0")
        if self.latency < 0:
            raise ValueError("latency must be >= 0")
        if self.report_delay < 0:
            raise ValueError("report_delay must be >= 0")
        parse_faults(self.faults)  # fail early on a bad fault spec

    @property
    def generated_credentials(self) -> bool:
        """True when the key or tid was not given and had to be generated."""
        return self.api_key is None or self.tid is None

    def resolved(self) -> EmulatorConfig:
        """A copy with demo credentials filled in where none were given."""
        if not self.generated_credentials:
            return self
        return replace(
            self,
            api_key=self.api_key or generate_api_key(),
            tid=self.tid or generate_tid(),
        )
