"""Errors of the core, with a code the adapters translate for the user."""

from __future__ import annotations


class RuleError(ValueError):
    """A rule cannot run on these parameters; `code` names the problem for translation."""

    def __init__(self, code: str, value=None):
        super().__init__("{}: {}".format(code, value))
        self.code = code
        self.value = value
