#!/usr/bin/env python3
"""Adds (or replaces) one message in all three resource files, keeping keys sorted.

Usage: scripts/add-message.py KEY "English text" "Testo italiano" "النص العربي"
"""
import html
import re
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "src" / "Ciclo.Core" / "Localization"
FILES = ["Messages.resx", "Messages.it.resx", "Messages.ar.resx"]
ENTRY = re.compile(r'  <data name="([^"]+)" xml:space="preserve"><value>(.*?)</value></data>\n', re.S)


def main() -> None:
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    key, *texts = sys.argv[1:]
    for name, text in zip(FILES, texts):
        path = FOLDER / name
        content = path.read_text(encoding="utf-8")
        head = content[: content.index("  <data ")]
        entries = dict(ENTRY.findall(content))
        entries[key] = html.escape(text, quote=False)
        body = "".join(f'  <data name="{k}" xml:space="preserve"><value>{entries[k]}</value></data>\n' for k in sorted(entries))
        path.write_text(head + body + "</root>\n", encoding="utf-8")


if __name__ == "__main__":
    main()
