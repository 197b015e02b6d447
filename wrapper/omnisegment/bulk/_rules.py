"""Record rules the JSON Schema cannot express (they depend on endpoint options).

* Identity, from the operation's ``x-omnisegment-identity`` extension: the option named
  by ``selector`` (``merge_key``, ``identifier_field``; for mappings a field of the
  record itself) picks the identifying field, and every record must carry one of the
  field combinations the spec lists for that choice. ``anonymous-flag`` (purchases'
  ``is_anonymous``) lifts the requirement. The batch purchase endpoint drops an order
  without identity *silently* (HTTP 200), so this check is the only way such a row is
  reported.
* Periods (vendor rule for event registrations and product guarantees): a start
  datetime needs its end, and the end must be later.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ._kinds import KindSpec
from ._spec import operation
from ._validate import Invalid

__all__ = ["record_rules"]

Rule = Callable[[Mapping[str, Any]], None]

_PERIODS: dict[str, tuple[str, str]] = {
    "event-registrations": ("event_start_datetime", "event_end_datetime"),
    "product-guarantees": ("warranty_start_datetime", "warranty_end_datetime"),
}


def _present(value: Any) -> bool:
    return isinstance(value, str) and value != "" and value != "none"


def _describe(alternatives: Sequence[Sequence[str]]) -> str:
    return " or ".join(" + ".join(alt) for alt in alternatives)


def _identity_rule(ks: KindSpec, params: Mapping[str, Any]) -> Rule | None:
    ext = operation(ks.spec, ks.kind.operation_id).get("x-omnisegment-identity")
    if not isinstance(ext, dict):
        return None
    requires: dict[str, list[list[str]]] = {
        str(k): [list(map(str, alt)) for alt in v] for k, v in (ext.get("requires") or {}).items()
    }
    selector = str(ext.get("selector") or "")
    default = ext.get("default")
    flag = ext.get("anonymous-flag")
    in_record = ext.get("container") == "body"
    if isinstance(flag, str) and params.get(flag) is True:
        return None

    def check_with(choice: Any, record: Mapping[str, Any]) -> None:
        alternatives = requires.get(str(choice))
        if not alternatives:
            return  # an unknown choice is the schema's business (enum)
        for alt in alternatives:
            if all(_present(record.get(name)) for name in alt):
                return
        first = next((n for n in alternatives[0] if not _present(record.get(n))), None)
        if len(alternatives) == 1 and len(alternatives[0]) == 1:
            reason = f"field '{alternatives[0][0]}' is required ({selector} is {choice})"
        else:
            reason = f"field '{first}' is required ({_describe(alternatives)})"
        raise Invalid(reason, first)

    if in_record:

        def from_record(record: Mapping[str, Any]) -> None:
            choice = record.get(selector, default)
            if choice is not None:
                check_with(choice, record)

        return from_record
    choice = params.get(selector) or default
    if choice is None:
        return None
    return lambda record: check_with(choice, record)


def _aware(value: Any) -> _dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = _dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _period_rule(start: str, end: str) -> Rule:
    def check(record: Mapping[str, Any]) -> None:
        has_start, has_end = record.get(start) is not None, record.get(end) is not None
        if has_start != has_end:
            missing, other = (end, start) if has_start else (start, end)
            raise Invalid(f"field '{missing}' is required together with {other}", missing)
        if has_start:
            begin, finish = _aware(record[start]), _aware(record[end])
            if begin is not None and finish is not None and finish <= begin:
                raise Invalid(f"field '{end}' must be later than {start}", end)

    return check


def record_rules(ks: KindSpec, params: Mapping[str, Any]) -> Rule | None:
    """The extra checks for one kind under the given endpoint options (None if none)."""
    rules: list[Rule] = []
    identity = _identity_rule(ks, params)
    if identity is not None:
        rules.append(identity)
    if ks.name in _PERIODS:
        rules.append(_period_rule(*_PERIODS[ks.name]))
    if not rules:
        return None
    if len(rules) == 1:
        return rules[0]

    def combined(record: Mapping[str, Any]) -> None:
        for rule in rules:
            rule(record)

    return combined
