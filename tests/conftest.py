"""Shared test configuration. Area fixtures live in each folder's own conftest.py."""

from __future__ import annotations

import os

# Tests must never pick up a developer's real credentials or environment.
for _name in (
    "OMNISEGMENT_API_KEY",
    "OMNISEGMENT_TID",
    "OMNISEGMENT_ENVIRONMENT",
    "OMNISEGMENT_BASE_URL",
):
    os.environ.pop(_name, None)
