"""The hicolor PNGs in packaging/icons: every size desktops look up, each the size its folder
says and drawn from the current resources/icons/desk.svg (`make icons` after changing it)."""

import pytest

from tests.packaging.files import PACKAGING, png_size

ICONS = PACKAGING / "icons" / "hicolor"


def pixels(image) -> bytes:
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format_RGBA8888)
    return bytes(image.constBits())[: image.sizeInBytes()]


def far_pixels(a, b, tolerance: int = 24) -> float:
    """The share of pixels whose colour or alpha differs by more than tolerance in a channel."""
    pa, pb = pixels(a), pixels(b)
    assert len(pa) == len(pb)
    far = sum(1 for i in range(0, len(pa), 4)
              if max(abs(pa[i + k] - pb[i + k]) for k in range(4)) > tolerance)
    return far / (len(pa) // 4)


def test_every_size_is_there_and_nothing_else(make_icons):
    assert sorted(p.parent.parent.name for p in ICONS.glob("*/apps/desk.png")) == sorted(
        f"{n}x{n}" for n in make_icons.SIZES)
    assert set(make_icons.SIZES) >= {16, 24, 32, 48, 64, 128, 256, 512}


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_each_png_has_the_size_of_its_folder(make_icons, size):
    assert png_size(make_icons.png_path(size)) == (size, size)


@pytest.mark.parametrize("size", [16, 48, 512])
def test_each_png_is_what_the_current_svg_renders(qapp, make_icons, size):
    from PySide6.QtGui import QImage

    committed = QImage(str(make_icons.png_path(size)))
    assert far_pixels(committed, make_icons.render(make_icons.SVG, size)) < 0.01, (
        "the PNG is not the SVG's rendering: run `make icons`")


def test_a_changed_svg_would_be_noticed(qapp, make_icons, tmp_path):
    from PySide6.QtGui import QImage

    changed = tmp_path / "desk.svg"
    changed.write_text(make_icons.SVG.read_text(encoding="utf-8").replace("#1f4e79", "#a02020"), encoding="utf-8")
    committed = QImage(str(make_icons.png_path(64)))
    assert far_pixels(committed, make_icons.render(changed, 64)) > 0.3


def test_the_scalable_icon_is_a_square_svg_qt_can_draw(qapp, make_icons):
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(make_icons.SVG))
    assert renderer.isValid()
    box = renderer.viewBoxF()
    assert box.width() == box.height() > 0
