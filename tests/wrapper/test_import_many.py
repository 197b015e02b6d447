"""``client.<resource>.import_many``: the bulk importer behind every resource facade."""

from __future__ import annotations

from typing import Any

import pytest
from wrapper_support import Harness, aw


def _audiences(count: int) -> list[dict[str, Any]]:
    return [{"member_sn": f"M-{n:05d}", "tags": "bulk"} for n in range(count)]


def test_audiences_import_many_batches_and_reports_rejects(harness: Harness) -> None:
    records = _audiences(120)
    records[7]["is_subscriber"] = "maybe"  # wrong type: rejected locally, never sent

    result = harness.run(
        harness.client(),
        lambda c: aw(c.audiences.import_many(records, params={"tag_mode": "replace"})),
    )

    assert (result.read, result.accepted, result.rejected) == (120, 119, 1)
    assert result.requests == 3  # 119 valid records in batches of 50
    assert result.rejections[0].position == 8  # positions count from 1
    assert "is_subscriber" in result.rejections[0].reason
    stored = {row["member_sn"] for row in harness.store("audiences")}
    assert stored == {r["member_sn"] for i, r in enumerate(records) if i != 7}


def test_single_record_kinds_go_one_per_request(harness: Harness) -> None:
    mappings = [
        {"source_id": f"CRM-{n}", "source_system": "CRM", "mapping_key": "email",
         "email": f"user{n}@example.org"}
        for n in range(4)
    ]  # fmt: skip

    result = harness.run(harness.client(), lambda c: aw(c.audience_mappings.import_many(mappings)))

    assert (result.accepted, result.rejected, result.requests) == (4, 0, 4)
    assert len(harness.store("audience_mappings")) == 4


@pytest.mark.parametrize(
    "resource", ["audiences", "purchases", "gift_vouchers", "products", "event_registrations",
                 "product_guarantees", "audience_mappings", "events"],
)  # fmt: skip
def test_every_import_resource_is_wired_to_its_kind(harness: Harness, resource: str) -> None:
    bad = {"not_a_field_of_any_kind": True}  # every kind requires fields this record lacks

    result = harness.run(
        harness.client(), lambda c: aw(getattr(c, resource).import_many([bad], dry_run=True))
    )

    assert result.kind == resource.replace("_", "-")
    assert (result.read, result.rejected, result.requests) == (1, 1, 0)
