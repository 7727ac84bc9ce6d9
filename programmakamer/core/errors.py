"""Errors of the core, with a code the adapters translate for the user."""

from __future__ import annotations


class RuleError(ValueError):
    """A rule cannot run on these parameters; `code` names the problem for translation and
    `values` are the numbers the message needs."""

    def __init__(self, code: str, *values):
        super().__init__("{}: {}".format(code, ", ".join(str(v) for v in values)))
        self.code = code
        self.values = values

    @property
    def value(self):
        """The first number: the one the problem is about."""
        return self.values[0] if self.values else None


class SettingError(RuleError):
    """A rule setting outside its range (NaN, infinite, empty or out of bounds)."""

    def __init__(self, setting, value):
        super().__init__("setting_not_allowed", value, setting.key)
        self.setting = setting
