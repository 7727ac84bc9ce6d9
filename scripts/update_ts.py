"""Collect every tr("…") source string of the plugin into the Dutch .ts file.

Existing translations are kept; new strings are added as unfinished, strings that are
no longer used are dropped. Run `python scripts/update_ts.py` after changing texts.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "programmakamer"
TS = PLUGIN / "i18n" / "programmakamer_nl.ts"
CONTEXT = "Programmakamer"


def _is_tr_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not node.args:
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "tr") or (
        isinstance(func, ast.Attribute) and func.attr == "tr"
    )


def source_strings(plugin: Path = PLUGIN) -> tuple[list[str], list[str]]:
    """All literal tr() arguments in order of appearance, and where a non-literal was passed."""
    found: dict[str, None] = {}
    problems = []
    for path in sorted(plugin.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not _is_tr_call(node):
                continue
            argument = node.args[0]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.setdefault(argument.value, None)
            elif not (isinstance(argument, ast.Name) and argument.id == "text"):
                problems.append("{}:{}".format(path.relative_to(plugin.parent), node.lineno))
    return list(found), problems


def read_translations(ts: Path = TS) -> dict[str, tuple[str, bool]]:
    """source -> (translation, finished)."""
    if not ts.exists():
        return {}
    result = {}
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = translation.text or "" if translation is not None else ""
        finished = translation is not None and translation.get("type") != "unfinished"
        result[source] = (text, finished and bool(text))
    return result


def write_ts(strings: list[str], translations: dict[str, tuple[str, bool]], ts: Path = TS) -> None:
    root = ET.Element("TS", version="2.1", language="nl_NL", sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in strings:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        text, finished = translations.get(source, ("", False))
        translation = ET.SubElement(message, "translation")
        translation.text = text
        if not finished:
            translation.set("type", "unfinished")
    ET.indent(root)
    ts.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def main() -> int:
    strings, problems = source_strings()
    translations = read_translations()
    write_ts(strings, translations)
    missing = [s for s in strings if not translations.get(s, ("", False))[1]]
    for problem in problems:
        print("tr() with a non-literal argument: {}".format(problem))
    print("{} strings, {} without a Dutch translation".format(len(strings), len(missing)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
