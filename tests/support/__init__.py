"""Helpers shared by the test suite."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need(condition: bool, what: str, install: str) -> None:
    """Skip outside CI when a system part is missing; fail in CI, where a skip would hide it."""
    if condition:
        return
    message = f"{what} is missing: {install}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def need_binary(name: str, install: str) -> str:
    sbin = f"/usr/sbin/{name}"
    path = shutil.which(name) or (sbin if os.path.exists(sbin) else None)
    need(path is not None, name, install)
    assert path is not None
    return path


def wait_until(condition: Callable[[], object], timeout: float = 10.0, interval: float = 0.02,
               message: str = "condition") -> object:
    """Poll `condition` until it returns something truthy, or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {message}")
        time.sleep(interval)
