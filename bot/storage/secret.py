"""The secret that keys the conversation store: chat keys, encrypted states, person keys.

It is never derived from anything else the deployment holds (such as the bot token), so
the database, even together with the token, gives away no chat and no words. It comes from
the STATE_SECRET setting or, when that is not set, from a file of random bytes created on
the first start (STATE_SECRET_FILE, readable by its owner only) and read on every start
after it, so conversations survive a restart.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

SECRET_BYTES = 32


def read_or_create_secret(path: Path) -> bytes:
    """The secret kept in `path`; a new random one is written there (mode 0600) when missing."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = secrets.token_hex(SECRET_BYTES)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it first: use theirs
            return read_or_create_secret(path)
        with os.fdopen(descriptor, "w", encoding="ascii") as f:
            f.write(text + "\n")
    try:
        secret = bytes.fromhex(text)
    except ValueError:
        secret = b""
    if len(secret) < SECRET_BYTES:
        raise ValueError(f"soubor s tajným klíčem {path} je poškozený; smažte ho (rozhovory se tím zapomenou)")
    return secret


def store_secret(configured: str | None, path: Path) -> bytes:
    """The store's secret: STATE_SECRET when set, else the one kept in `path`."""
    if configured:
        return hashlib.sha256(b"sit-pomoci/state/" + configured.encode()).digest()
    return read_or_create_secret(path)
