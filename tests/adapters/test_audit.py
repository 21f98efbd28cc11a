"""The audit log keeps nurse actions, PIN failures and calls as JSON lines in the state folder,
newest shown first, and rotates by size so it never fills the disk."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.adapters.audit import AuditLog


def test_entries_are_appended_as_json_lines_and_read_back_newest_first(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "audit" / "room-1.jsonl")
    audit.record("nurse panel opened", at=100.0)
    audit.record("nurse is here", "resolved=2", at=101.0)
    lines = (tmp_path / "audit" / "room-1.jsonl").read_text().splitlines()
    assert [json.loads(line) for line in lines] == [
        {"at": 100.0, "event": "nurse panel opened", "detail": ""},
        {"at": 101.0, "event": "nurse is here", "detail": "resolved=2"}]
    assert [e["event"] for e in audit.last(5)] == ["nurse is here", "nurse panel opened"]


def test_a_full_file_is_rotated_and_only_keep_files_remain(tmp_path: Path) -> None:
    path = tmp_path / "room-1.jsonl"
    audit = AuditLog(path, max_bytes=300, keep=2)
    for n in range(40):
        audit.record("wrong PIN", f"try={n}", at=float(n))
    assert path.stat().st_size <= 300
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "room-1.jsonl", "room-1.jsonl.1", "room-1.jsonl.2"]
    assert audit.last(1)[0]["detail"] == "try=39"
    newest_rotated = [json.loads(x) for x in (tmp_path / "room-1.jsonl.1").read_text().split("\n")
                      if x]
    assert newest_rotated[-1]["at"] < audit.last(50)[-1]["at"]


def test_an_unwritable_folder_is_logged_and_nothing_raises(tmp_path: Path) -> None:
    blocker = tmp_path / "audit"
    blocker.write_text("a file where the folder should be")
    audit = AuditLog(blocker / "room-1.jsonl")
    audit.record("nurse is here")
    assert audit.last(3) == []
