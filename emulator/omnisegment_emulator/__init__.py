"""A local, stateful, spec-validated OmniSegment API with seeded faults and rate limits."""

from __future__ import annotations

from .app import EmulatorApp, Engine, create_app
from .config import EmulatorConfig, FaultRule, parse_faults

__all__ = ["EmulatorApp", "EmulatorConfig", "Engine", "FaultRule", "create_app", "parse_faults"]
