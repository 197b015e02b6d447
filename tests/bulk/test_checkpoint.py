"""The checkpoint file: ranges, torn lines, kinds and resume bookkeeping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from omnisegment.bulk import Checkpoint, CheckpointError
from omnisegment.bulk._checkpoint import PositionSet, format_ranges, parse_ranges


def test_ranges_round_trip() -> None:
    assert format_ranges([7, 1, 2, 3, 9, 10]) == "1-3,7,9-10"
    assert format_ranges([]) == ""
    assert parse_ranges("1-3,7,9-10") == [(1, 3), (7, 7), (9, 10)]
    for bad in ("0", "5-3", "x"):
        with pytest.raises(ValueError):
            parse_ranges(bad)


def test_position_set_merges_out_of_order_ranges() -> None:
    done = PositionSet()
    for lo, hi in [(51, 100), (1, 50), (151, 200), (101, 101)]:
        done.add_range(lo, hi)
    assert done.intervals() == [(1, 101), (151, 200)]
    assert 101 in done and 102 not in done and 150 not in done and 151 in done
    assert len(done) == 151


def test_write_then_load(tmp_path: Path) -> None:
    path = tmp_path / "cp"
    cp = Checkpoint(path)
    cp.open(kind="audiences", source="/data/a.csv", append=False)
    cp.mark(accepted=range(51, 101))  # finished before the first batch
    cp.mark(accepted=range(1, 51), rejected=[101])
    cp.close()
    lines = path.read_text().splitlines()
    assert json.loads(lines[0])["kind"] == "audiences"
    assert lines[1:] == ["A 51-100", "A 1-50", "R 101"]

    again = Checkpoint(path)
    assert again.load()
    assert again.accepted_before == 100 and again.rejected_before == 1
    assert again.done.intervals() == [(1, 101)]
    again.check_matches("audiences", "/data/a.csv")
    with pytest.raises(CheckpointError, match="belongs to a audiences import"):
        again.check_matches("purchases", "/data/a.csv")


def test_torn_last_line_is_ignored_and_terminated(tmp_path: Path) -> None:
    path = tmp_path / "cp"
    cp = Checkpoint(path)
    cp.open(kind="audiences", source="x", append=False)
    cp.mark(accepted=range(1, 51))
    cp.close()
    with path.open("ab") as handle:
        handle.write(b"A 51-7")  # a crash in the middle of a write
    loaded = Checkpoint(path)
    assert loaded.load()
    assert loaded.done.intervals() == [(1, 50)]
    loaded.open(kind="audiences", source="x", append=True)
    loaded.mark(accepted=range(51, 101))
    loaded.close()
    final = Checkpoint(path)
    final.load()
    assert final.done.intervals() == [(1, 100)]


def test_not_a_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "cp"
    path.write_text("hello\n")
    with pytest.raises(CheckpointError, match="not an omnisegment checkpoint"):
        Checkpoint(path).load()
    assert not Checkpoint(tmp_path / "missing").load()


def test_a_torn_line_never_becomes_an_acknowledgement(tmp_path: Path) -> None:
    path = tmp_path / "cp"
    cp = Checkpoint(path)
    cp.open(kind="audiences", source="x", append=False)
    cp.mark(accepted=[1, 2, 3, 7])
    cp.close()
    with path.open("ab") as handle:
        handle.write(b"A 1-3,7,9")  # torn from "A 1-3,7,90-100": 9 was never accepted
    resumed = Checkpoint(path)
    assert resumed.load() and 9 not in resumed.done
    resumed.open(kind="audiences", source="x", append=True)
    resumed.mark(accepted=[4])
    resumed.close()  # crashed again before 9 was sent
    again = Checkpoint(path)
    assert again.load()
    assert 9 not in again.done and again.done.intervals() == [(1, 4), (7, 7)]
    assert again.accepted_before == 5


def test_another_source_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cp"
    cp = Checkpoint(path)
    cp.open(kind="audiences", source="/data/a.csv", append=False)
    cp.close()
    loaded = Checkpoint(path)
    assert loaded.load()
    loaded.check_matches("audiences", "/elsewhere/a.csv")  # the folder moved: fine
    loaded.check_matches("audiences", "-")
    with pytest.raises(CheckpointError, match=r"import of /data/a\.csv, not /data/b\.csv"):
        loaded.check_matches("audiences", "/data/b.csv")
