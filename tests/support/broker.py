"""A real Mosquitto on a free loopback port for tests (fails in CI when it is not installed)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.adapters.broker import INSTALL_HINT, PrivateBroker
from tests.support import need_binary


@pytest.fixture
def broker() -> Iterator[PrivateBroker]:
    need_binary("mosquitto", INSTALL_HINT.split(": ", 1)[1])
    with PrivateBroker() as running:
        yield running


@pytest.fixture
def persistent_broker() -> Iterator[PrivateBroker]:
    """A Mosquitto that keeps sessions and retained messages on disk across restart() (on the
    same port), as a clinic's broker does in production."""
    need_binary("mosquitto", INSTALL_HINT.split(": ", 1)[1])
    with PrivateBroker(persistence=True) as running:
        yield running
