"""Validation and normalisation of contacts: telephone numbers, e-mails, web addresses."""

from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email

_SPLIT = re.compile(r"\s*(?:[,;]|\bnebo\b|\ba\b)\s*", re.IGNORECASE)
_SHORT = re.compile(r"^\d{3,6}$")
_ALLOWED = re.compile(r"^[+\d\s()./-]+$")


class ContactError(ValueError):
    """A contact value that is not what it should be; the message is Czech."""


def normalise_phone(value: str) -> str:
    """One phone number in display form: `581 000 123`, `+421 2 1234 5678`, `116 123`.

    Accepts spaces, dashes, slashes, dots, `+420`/`00420`; raises ContactError otherwise.
    """
    raw = value.strip()
    if not raw or not _ALLOWED.match(raw):
        raise ContactError(f"'{value}' není telefonní číslo; očekává se např. 581 000 123")
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("00"):
        digits = digits[2:]
        raw = "+" + digits
    if _SHORT.match(digits) and not raw.startswith("+"):
        return f"{digits[:3]} {digits[3:]}".strip()
    if raw.startswith("+420") or (not raw.startswith("+") and len(digits) == 9):
        national = digits[3:] if raw.startswith("+420") else digits
        if len(national) != 9:
            raise ContactError(f"'{value}' nemá 9 číslic; očekává se české číslo jako 581 000 123")
        return f"{national[0:3]} {national[3:6]} {national[6:9]}"
    try:
        parsed = phonenumbers.parse(raw, "CZ")
    except phonenumbers.NumberParseException:
        raise ContactError(f"'{value}' není telefonní číslo; očekává se např. 581 000 123") from None
    if not phonenumbers.is_possible_number(parsed):
        raise ContactError(f"'{value}' není možné telefonní číslo; očekává se např. 581 000 123")
    if parsed.country_code == 420 and len(str(parsed.national_number)) != 9:  # "595 622 467/453"
        raise ContactError(f"'{value}' nemá 9 číslic; očekává se české číslo jako 581 000 123")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def split_phones(value: str) -> list[str]:
    """All numbers in a free-text field ("581 000 123, 604 000 111"), normalised."""
    parts = [p for p in _SPLIT.split(value.strip()) if p]
    return [normalise_phone(p) for p in parts]


def keep_phones(value: str) -> tuple[list[str], list[str]]:
    """The numbers of a free-text field, normalised where they can be, else kept as written.

    Returns (every value to keep, those kept as written). A part that is not a number to
    dial ("595 622 467/453") is kept as written; when such a part has no digit at all the
    split was wrong ("volejte ráno a večer"), so the whole field is kept as written.
    """
    text = " ".join(value.split())
    parts = [p for p in _SPLIT.split(text) if p]
    kept: list[str] = []
    as_written: list[str] = []
    for part in parts:
        try:
            kept.append(normalise_phone(part))
        except ContactError:
            if not any(c.isdigit() for c in part):
                return [text], [text]
            kept.append(part)
            as_written.append(part)
    return kept, as_written


def dialable(display: str) -> bool:
    """True for a number in the normalised display form (it has a `tel:` link); False for text."""
    try:
        return normalise_phone(display) == display
    except ContactError:
        return False


def tel_uri(display: str) -> str:
    """A `tel:` URI for a normalised number (Czech numbers get +420)."""
    digits = re.sub(r"\D", "", display)
    if display.startswith("+"):
        return f"tel:+{digits}"
    if len(digits) == 9:
        return f"tel:+420{digits}"
    return f"tel:{digits}"


def normalise_email(value: str) -> str:
    """An e-mail address, checked for form (not deliverability)."""
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        raise ContactError(f"'{value}' není platný e-mail; očekává se např. info@poradna.cz") from None


_WEB = re.compile(r"^(https?://)?([\w-]+\.)+[a-z]{2,}(:\d+)?(/\S*)?$", re.IGNORECASE)


def normalise_web(value: str) -> str:
    """A web address with its scheme (`https://` added when missing)."""
    raw = value.strip()
    if not _WEB.match(raw):
        raise ContactError(f"'{value}' není webová adresa; očekává se např. www.poradna.cz")
    if not raw.lower().startswith(("http://", "https://")):
        raw = "https://" + raw
    return raw
