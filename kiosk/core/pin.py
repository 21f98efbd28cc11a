"""The nurse PIN: stored only as a salted, slow hash (PBKDF2-SHA256), never as the digits."""

from __future__ import annotations

import os

# hashlib, hmac and base64 are imported where a PIN is hashed or checked: this module is
# imported before the room's first frame, which has no use for them (about 5 ms).

SCHEME = "pbkdf2-sha256"
ITERATIONS = 200_000
MIN_DIGITS = 4
MAX_DIGITS = 12


class PinError(ValueError):
    """A PIN or a stored hash that cannot be used; the message is for the person typing."""


def check_pin_shape(pin: str) -> None:
    if not pin.isdigit():
        raise PinError("a PIN is digits only")
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise PinError(f"a PIN has {MIN_DIGITS} to {MAX_DIGITS} digits")


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    check_pin_shape(pin)
    import hashlib

    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return "$".join([SCHEME, str(iterations), _b64(salt), _b64(digest)])


def check_stored_hash(stored: str) -> None:
    """Raises PinError when `stored` is not a hash that `hash_pin` made (cheap: no hashing)."""
    _parse(stored)


def verify_pin(pin: str, stored: str) -> bool:
    import hashlib
    import hmac

    scheme, iterations, salt, digest = _parse(stored)
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return hmac.compare_digest(candidate, digest)


def _parse(stored: str) -> tuple[str, int, bytes, bytes]:
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != SCHEME or not parts[1].isdigit():
        raise PinError("the stored PIN hash is not one that `python main.py hash-pin` prints")
    try:
        return parts[0], int(parts[1]), _unb64(parts[2]), _unb64(parts[3])
    except ValueError as error:
        raise PinError("the stored PIN hash is damaged") from error


def _b64(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    import base64

    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))

# The shipped demo config's PIN; the nurse panel asks for it to be changed while it is in use.
DEMO_PIN = "2468"
