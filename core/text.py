"""One-line text: what people may type in a title or a name, and how text from the database is
made safe for an e-mail header or a calendar line.

A line break in a title would end an e-mail's Subject header (and start another one) or a
calendar's content line; other control characters are not text at all. Forms and models refuse
them with :func:`single_line` (on every one-line model field, so ``full_clean()`` in the services
refuses them too); :func:`one_line` and :func:`plain_text` clean what is read back anyway, for rows
written before the rule or around it."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 and C1 control characters (tab, line feed and carriage return among them), DEL, and the
# Unicode line and paragraph separators.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_RUN = re.compile(r"\s*[\x00-\x1f\x7f-\x9f\u2028\u2029][\s\x00-\x1f\x7f-\x9f]*")
_LINE_BREAK = re.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def single_line(value) -> None:
    """Refuses line breaks, tabs and every other control character (a validator)."""
    if value and CONTROL_CHARACTERS.search(str(value)):
        raise ValidationError(
            _("Write this on one line, without line breaks, tabs or other control characters."),
            code="control_characters",
        )


class LineField(forms.CharField):
    """A form's one-line text field (a title, a name, a reason): control characters refused."""

    default_validators = [single_line]


def one_line(value) -> str:
    """The text on one line: each run of control characters (with the spaces around it) becomes
    one space. For e-mail subjects and calendar properties built from stored text."""
    return _CONTROL_RUN.sub(" ", str(value or "")).strip()


def plain_text(value) -> str:
    """Text that may have several lines, with ``\\n`` line breaks and no other control
    character but the tab. For multi-line calendar properties (a description)."""
    return _NOT_TEXT.sub("", _LINE_BREAK.sub("\n", str(value or "")))
