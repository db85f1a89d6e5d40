"""The hicolor PNG icons, rendered from resources/icons/desk.svg with Qt's SVG renderer.

    .venv/bin/python tools/make_icons.py        # (or `make icons`) rewrites packaging/icons/

Writes packaging/icons/hicolor/<N>x<N>/apps/desk.png for every size desktops look up;
tests/packaging/test_icons.py checks that the committed PNGs are what the current SVG
renders, so run this after changing the SVG. Not collected by pytest (tools/ is outside
testpaths)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "desk.svg"
ICONS = ROOT / "packaging" / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int, root: Path = ICONS) -> Path:
    return root / f"{size}x{size}" / "apps" / "desk.png"


def render(svg: Path, size: int):
    """The SVG drawn on a transparent size x size image (a QImage, ARGB32 premultiplied)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # painters need one
    for size in SIZES:
        out = png_path(size)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        if not render(SVG, size).save(str(tmp), "PNG"):
            raise OSError(f"cannot write {tmp}")
        os.replace(tmp, out)
        print(out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
