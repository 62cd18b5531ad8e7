"""Write the catalogue tables the docs include: ``python tools/render_catalogue.py``.

``tests/test_catalogue.py`` fails when the committed tables differ from the code.
"""

from __future__ import annotations

from pathlib import Path

from cchc_model import catalogue_2023

GENERATED = Path(__file__).resolve().parent.parent / "docs" / "_generated"


def tables() -> dict[str, str]:
    """File name → content of every generated table."""
    return {"catalogue_2023.md": catalogue_2023().to_markdown()}


def main() -> None:
    GENERATED.mkdir(exist_ok=True)
    for name, text in tables().items():
        (GENERATED / name).write_text(text, encoding="utf-8")
        print(f"wrote {GENERATED / name}")


if __name__ == "__main__":
    main()
