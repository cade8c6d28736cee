"""Reading text files the way Czech spreadsheets really come: UTF-8 (with BOM) or Windows-1250."""

from __future__ import annotations

from pathlib import Path

from bot.catalog.importing import ImportFailed, RowError


def decode_text(path: Path) -> str:
    """The file's text, decoded as UTF-8 (BOM or not) or Windows-1250.

    Raises ImportFailed naming the file and the first undecodable byte when it is neither.
    """
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp1250")
        except UnicodeDecodeError:
            raise ImportFailed(
                RowError(
                    path.name,
                    f"bajt {utf8_error.start}",
                    None,
                    "neznámé kódování; očekává se UTF-8 nebo Windows-1250",
                )
            ) from None
        if _looks_like_cp1250(text):
            return text
        raise ImportFailed(
            RowError(
                path.name,
                f"bajt {utf8_error.start}",
                None,
                "neznámé kódování; očekává se UTF-8 nebo Windows-1250",
            )
        ) from utf8_error


def _looks_like_cp1250(text: str) -> bool:
    """True when a cp1250 decoding holds no control characters (so it is plausibly right)."""
    return not any(ord(c) < 32 and c not in "\r\n\t" for c in text)
