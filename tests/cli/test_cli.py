"""``omnisegment``: exit codes, messages, credentials, reports and the demo."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytestmark = pytest.mark.live

FAST = ("--rate-limit", "0", "--gateway-retry-interval", "0.01")


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_all_accepted_exits_0(cli: Any, tmp_path: Path) -> None:
    source = write(tmp_path / "a.csv", "member_sn,email\nM1,a@example.org\nM2,b@example.org\n")
    result = cli("import", "audiences", str(source), *FAST)
    assert result.exit_code == 0, result.output
    assert "omnisegment: all 2 records accepted" in result.output
    assert "import summary" in result.output
    assert {r["member_sn"] for r in cli.emu.store("audiences")} == {"M1", "M2"}
    assert not (tmp_path / "a.csv.checkpoint").exists()  # removed after a complete run
    assert not (tmp_path / "a.csv.rejects.jsonl").exists()


def test_some_rejected_exits_1_with_rejects_next_to_the_input(cli: Any, tmp_path: Path) -> None:
    source = write(tmp_path / "a.csv", "member_sn,is_subscriber\nM1,true\nM2,perhaps\n,true\n")
    result = cli("import", "audiences", str(source), *FAST)
    assert result.exit_code == 1, result.output
    assert "2 records rejected, 1 accepted" in result.output
    assert "line 3: field 'is_subscriber' must be a boolean" in result.output
    assert "line 4: field 'member_sn' is required" in result.output
    entries = [json.loads(x) for x in (tmp_path / "a.csv.rejects.jsonl").read_text().splitlines()]
    assert [(e["line"], e["field"], e["row"]) for e in entries] == [
        (3, "is_subscriber", "M2,perhaps"),
        (4, "member_sn", ",true"),
    ]


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (None, ("import", "audiences", "missing.csv"), "missing.csv: file not found"),
        ("", ("import", "audiences", "{f}"), "the file is empty"),
        (None, ("import", "shoes", "{f}"), "unknown kind 'shoes'"),
        (
            "member_sn\nM1\n",
            ("import", "purchases", "{f}", "--merge-key", "email"),
            "--merge-key does not apply to purchases",
        ),
        (
            "member_sn\nM1\n",
            ("import", "audiences", "{f}", "--merge-key", "nickname"),
            "--merge-key must be one of",
        ),
        (
            "member_sn\nM1\n",
            ("import", "audiences", "{f}", "--timezone", "Mars/Base"),
            "unknown time zone",
        ),
        (
            "member_sn,member_sn\nM1,M1\n",
            ("import", "audiences", "{f}"),
            "duplicate column 'member_sn'",
        ),
    ],
)
def test_fatal_input_problems_exit_2(
    cli: Any, tmp_path: Path, setup: str | None, args: tuple[str, ...], message: str
) -> None:
    source = tmp_path / "in.csv"
    if setup is not None:
        write(source, setup)
    argv = [a.replace("{f}", str(source)) for a in args]
    result = cli(*argv, *FAST, catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert cli.emu.requests() == []  # nothing was sent


def test_credentials_from_env_or_file_never_from_an_option(cli: Any, tmp_path: Path) -> None:
    source = write(tmp_path / "a.jsonl", '{"member_sn": "M1"}\n')
    env = cli.env()
    key = env.pop("OMNISEGMENT_API_KEY")
    result = cli("import", "audiences", str(source), *FAST, env=env)
    assert result.exit_code == 2
    assert "no credentials: set an API key (OMNISEGMENT_API_KEY or --api-key-file)" in result.output

    key_file = write(tmp_path / "key", key + "\n")
    result = cli(
        "import", "audiences", str(source), "--api-key-file", str(key_file), *FAST, env=env
    )
    assert result.exit_code == 0, result.output

    result = cli("import", "audiences", str(source), "--api-key", key, env=env)
    assert result.exit_code == 2 and "No such option" in result.output


def test_wrong_key_exits_2_without_leaking_it(cli: Any, tmp_path: Path) -> None:
    source = write(tmp_path / "a.jsonl", '{"member_sn": "M1"}\n')
    wrong = "11111111-2222-3333-4444-555555555555"
    result = cli(
        "import", "audiences", str(source), *FAST, "-v", env=cli.env(OMNISEGMENT_API_KEY=wrong)
    )
    assert result.exit_code == 2
    assert "omnisegment: error: credentials refused" in result.output
    assert "HTTP 403" in result.output
    assert wrong not in result.output


def test_existing_checkpoint_needs_resume(cli: Any, tmp_path: Path) -> None:
    source = write(tmp_path / "a.csv", "member_sn\nM1\nM2\n")
    header = {"format": "omnisegment-checkpoint/1", "kind": "audiences", "source": str(source)}
    write(tmp_path / "a.csv.checkpoint", json.dumps(header) + "\nA 1\n")
    result = cli("import", "audiences", str(source), *FAST)
    assert result.exit_code == 2 and "--resume" in result.output
    assert cli.emu.requests() == []
    result = cli("import", "audiences", str(source), *FAST, "--resume")
    assert result.exit_code == 0, result.output
    assert [r["member_sn"] for r in cli.emu.store("audiences")] == ["M2"]
    assert "skipped" in result.output
    assert (
        "omnisegment: all 2 records accepted "
        "(this run: 1 accepted, 0 rejected; 1 done before the resume)"
    ) in result.output


def test_checkpoint_of_another_file_is_refused(cli: Any, tmp_path: Path) -> None:
    first = write(tmp_path / "a.csv", "member_sn\nM1\nM2\n")
    other = write(tmp_path / "b.csv", "member_sn\nB1\nB2\n")
    header = {"format": "omnisegment-checkpoint/1", "kind": "audiences", "source": str(first)}
    shared = write(tmp_path / "run.cp", json.dumps(header) + "\nA 1\n")
    result = cli("import", "audiences", str(other), *FAST, "--checkpoint", str(shared), "--resume")
    assert result.exit_code == 2
    assert f"belongs to an import of {first}, not {other}" in result.output
    assert cli.emu.requests() == []  # B1 was not skipped as if it were done


def test_dry_run_keeps_the_rejects_of_an_unfinished_import(cli: Any, tmp_path: Path) -> None:
    source = write(tmp_path / "a.csv", "member_sn\nM1\n")
    header = {"format": "omnisegment-checkpoint/1", "kind": "audiences", "source": str(source)}
    write(tmp_path / "a.csv.checkpoint", json.dumps(header) + "\nR 1\n")
    earlier = write(tmp_path / "a.csv.rejects.jsonl", '{"line": 2, "position": 1}\n')
    result = cli("import", "audiences", str(source), "--dry-run")
    assert result.exit_code == 2 and "--rejects" in result.output
    assert earlier.read_text() == '{"line": 2, "position": 1}\n'
    result = cli(
        "import", "audiences", str(source), "--dry-run", "--rejects", str(tmp_path / "dry.jsonl")
    )
    assert result.exit_code == 0, result.output
    assert earlier.exists()


def test_bad_log_format_is_a_bad_option(cli: Any, tmp_path: Path) -> None:
    source = write(tmp_path / "a.csv", "member_sn\nM1\n")
    result = cli("import", "audiences", str(source), *FAST, "--log-format", "xml")
    assert result.exit_code == 2 and "--log-format must be text or json" in result.output
    assert cli.emu.requests() == []


def test_dry_run_sends_nothing_and_needs_no_credentials(cli: Any, tmp_path: Path) -> None:
    source = write(tmp_path / "a.csv", "member_sn,sex\nM1,female\nM2,robot\n")
    result = cli("import", "audiences", str(source), "--dry-run", env={"COLUMNS": "200"})
    assert result.exit_code == 1, result.output
    assert "1 of 2 records are invalid" in result.output
    assert "dry run" in result.output
    assert cli.emu.requests() == []


def test_stdin_and_plain_progress_lines(cli: Any) -> None:
    data = "".join(f'{{"member_sn": "S{i}"}}\n' for i in range(120))
    result = cli(
        "import",
        "audiences",
        "-",
        *FAST,
        "--progress-interval",
        "0",
        "--batch-size",
        "20",
        input=data,
    )
    assert result.exit_code == 0, result.output
    assert "audiences: accepted 120  rejected 0 | " in result.output
    assert len(cli.emu.store("audiences")) == 120
    assert len(cli.emu.requests()) == 6


def test_json_logs_show_retries(cli: Any, tmp_path: Path) -> None:
    source = write(tmp_path / "a.jsonl", '{"member_sn": "M1"}\n')
    cli.emu.set_faults("503", next=1)
    result = cli("import", "audiences", str(source), *FAST, "-v", "--log-format", "json")
    assert result.exit_code == 0, result.output
    logs = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert any("retrying batch_import_audiences after HTTP 503" in e["message"] for e in logs)
    assert cli.emu.api_key not in result.output


def test_gateway_errors_give_up_with_exit_2(cli: Any, tmp_path: Path) -> None:
    source = write(tmp_path / "a.jsonl", '{"member_sn": "M1"}\n{"member_sn": "M2"}\n')
    cli.emu.set_faults("503")
    result = cli("import", "audiences", str(source), *FAST, "--max-gateway-retries", "2")
    assert result.exit_code == 2
    assert "gave up" in result.output and "--resume" in result.output
    assert (tmp_path / "a.jsonl.checkpoint").exists()


def test_market_report_and_reports(cli: Any, tmp_path: Path) -> None:
    result = cli("market-report", "--start", "2025-02-01", "--end", "2025-02-28", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert {"email", "sms", "monthly_fee"} <= set(payload)

    out = tmp_path / "report.csv"
    result = cli(
        "reports",
        "run",
        "tracking-events",
        "--start",
        "2025-02-01",
        "--end",
        "2025-02-10",
        "--interval",
        "0.1",
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output
    assert f"saved {out}" in result.output and out.stat().st_size > 0

    result = cli("reports", "create", "interaction", "--start", "2025-02-01", "--end", "2025-02-10")
    assert result.exit_code == 0, result.output
    report_id = result.output.strip()
    result = cli("reports", "wait", "interaction", report_id, "--interval", "0.1")
    assert result.exit_code == 0 and result.output.startswith("SUCCESS http")
    result = cli("reports", "list", "interaction")
    assert result.exit_code == 0 and report_id in result.output

    result = cli("reports", "run", "interaction", "--start", "2025-02-01", "--end", "2025-04-30")
    assert result.exit_code == 2 and "31 days" in result.output


def test_demo(cli: Any, tmp_path: Path) -> None:
    result = cli("demo", "--rate-limit", "0", "--output-dir", str(tmp_path), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "import summary" in result.output
    assert "what the emulator stored" in result.output
    assert "2,994" in result.output  # valid sample audiences
    assert any(tmp_path.glob("interaction-report-*.jsonl"))
    assert (tmp_path / "audiences.rejects.jsonl").exists()


def test_samples_are_generated_deterministically(samplegen: ModuleType, tmp_path: Path) -> None:
    samplegen.write_samples(tmp_path)
    root = Path(str(samplegen.__file__)).parent
    names = ("audiences.csv", "purchases.csv", "gift-vouchers.jsonl", "products.csv")
    for name in names:
        assert (tmp_path / name).read_bytes() == (root / name).read_bytes(), name
    assert sum((root / name).stat().st_size for name in names) < 2_000_000


def test_a_truncated_gzip_is_fatal_with_one_line(cli: Any, tmp_path: Path) -> None:
    import gzip

    data = gzip.compress(b"member_sn\n" + b"".join(b"M%d\n" % i for i in range(500)))
    source = write(tmp_path / "a.csv.gz", data[:-8])  # the trailer is missing
    result = cli("import", "audiences", str(source), *FAST)
    assert result.exit_code == 2, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("omnisegment: error: unexpected error: EOFError: ")
    assert "re-run with --resume" in last
    assert "Traceback" not in result.output
