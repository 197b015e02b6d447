"""Seeded, reproducible fault injection."""

from __future__ import annotations

import random
import threading
from dataclasses import replace

from .config import FaultRule, parse_faults


class FaultInjector:
    """Picks the fault (if any) for each API request from a seeded random stream.

    Rules are checked in order. Each rule applies to every path or to one path, and either
    forever or to the next N matching requests. The kinds of all rules that apply to a
    request share one random draw, so ``503:0.1,429:0.05`` means 10% 503 and 5% 429.
    """

    def __init__(self, spec: str = "", seed: int | None = None) -> None:
        self._initial = parse_faults(spec)
        self._seed = seed
        self._lock = threading.Lock()
        self.rules: list[FaultRule] = list(self._initial)
        self._random = random.Random(seed)

    def set_rules(self, rules: list[FaultRule], seed: int | None = None) -> None:
        """Replace every rule (and reseed when ``seed`` is given)."""
        with self._lock:
            self.rules = list(rules)
            if seed is not None:
                self._seed = seed
                self._random = random.Random(seed)

    def add_rules(self, rules: list[FaultRule]) -> None:
        """Put ``rules`` in front of the existing ones."""
        with self._lock:
            self.rules = [*rules, *self.rules]

    def reset(self) -> None:
        """Back to the start-up rules and seed."""
        with self._lock:
            self.rules = list(self._initial)
            self._random = random.Random(self._seed)

    def pick(self, path: str, template: str | None = None) -> str | None:
        """The fault kind for a request on ``path`` (route ``template``), or None.

        A rule limited to one path applies when it names the request path or its template.
        One random draw per request, and each limited rule counts the request once.
        """
        if not self.rules:
            return None
        with self._lock:
            applies = [r.path is None or r.path in (path, template) for r in self.rules]
            if not any(applies):
                return None
            draw = self._random.random()
            chosen: str | None = None
            total = 0.0
            kept: list[FaultRule] = []
            for rule, hit in zip(self.rules, applies, strict=True):
                if hit:
                    total += rule.probability
                    if chosen is None and draw < total:
                        chosen = rule.kind
                    if rule.remaining is not None:
                        if rule.remaining <= 1:
                            continue
                        rule = replace(rule, remaining=rule.remaining - 1)
                kept.append(rule)
            self.rules = kept
            return chosen
