"""Personal data masked in logs (Law 91/2025/QH15 on personal data protection: logs are
processing of personal data too, and they travel further than the database — to files, log
collectors, the people reading them).

`PersonalDataFilter` sits on every handler of `settings.LOGGING`. It rewrites each record's
message (after the arguments are merged in), its exception text and its stack text:

* ID numbers standing alone: CCCD (12 digits), CMND (9 digits);
* Vietnamese phone numbers: 0xxxxxxxxx (10 or 11 digits), +84… and 84…, with or without
  spaces, dots or hyphens between the groups;
* e-mail addresses: the local part, the domain stays (it says which provider, not who);
* the values of query parameters that carry them (`so=`, `cccd=`, `sdt=`, `email=`, …):
  `django.request` and the web server log the path with its query string.

A number keeps its last 2 digits (`**********78`), not 4: the public look-up opens a dossier to
whoever holds its code and the last 4 digits of the applicant's phone or CCCD, and a log line
often holds the dossier code too. Dossier codes (`000.00.06.H56-251201-0001`), dates, times and
amounts (`1.234.567 đ`) do not match: digits that touch a letter, a digit, `_`, `.` or `-` on
either side are not "standing alone".
"""

import logging
import re

KEEP_DIGITS = 2

# A run of digits (with the allowed inner separators) that no word character, dot or hyphen
# touches (a full stop after it is fine when no digit follows): `-0001`, `251201-`, `H56` and
# `1.234.567` never match.
_EDGE_BEFORE = r"(?<![\w.\-+])"
_EDGE_AFTER = r"(?![\w\-]|\.\d)"  # a full stop ending a sentence is fine
_SEP = r"[ .\-]?"
_PHONE = re.compile(
    _EDGE_BEFORE + r"(?:\+84|84|0)" + _SEP + r"[1-9](?:" + _SEP + r"\d){8,9}" + _EDGE_AFTER
)
_ID_NUMBER = re.compile(_EDGE_BEFORE + r"(?:\d{12}|\d{9})" + _EDGE_AFTER)
_EMAIL = re.compile(r"(?<![\w.+\-])([\w.+\-]+)@([\w\-]+(?:\.[\w\-]+)+)")
_QUERY = re.compile(
    r"(?i)([?&;](?:so|cccd|cmnd|id_number|so_cccd|sdt|phone|so_dien_thoai|email)=)([^&#\s\"']*)"
)


def _mask_digits(match: re.Match) -> str:
    text = match.group(0)
    digits = [c for c in text if c.isdigit()]
    kept = "".join(digits[-KEEP_DIGITS:])
    return "*" * (len(digits) - KEEP_DIGITS) + kept


def _mask_email(match: re.Match) -> str:
    return f"{match.group(1)[0]}***@{match.group(2)}"


def mask_personal_data(text: str) -> str:
    """`text` with ID numbers, phone numbers, e-mail local parts and such query values hidden."""
    if not text:
        return text
    text = _QUERY.sub(lambda m: m.group(1) + "***" if m.group(2) else m.group(0), text)
    text = _EMAIL.sub(_mask_email, text)
    # ID numbers first: a 12-digit CCCD starting with 0 would otherwise read as a phone number.
    text = _ID_NUMBER.sub(_mask_digits, text)
    return _PHONE.sub(_mask_digits, text)


_EXCEPTIONS = logging.Formatter()


class PersonalDataFilter(logging.Filter):
    """Masks personal data in a record in place; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is logging's own business: it reports it
            return True
        masked = mask_personal_data(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = _EXCEPTIONS.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True
