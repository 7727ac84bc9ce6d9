"""The overview map of the demo: a real image with works in the horizon colours."""

from __future__ import annotations

from qgis.PyQt.QtGui import QColor, QImage

from programmakamer.export.overview_map import build_overview_layout, export_overview_png
from programmakamer.store.layers import open_programme
from programmakamer.store.styles import HORIZON_COLOURS


def count_colour(image: QImage, colour: str, step: int = 3) -> int:
    target = QColor(colour)
    hits = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - target.red())
                + abs(pixel.green() - target.green())
                + abs(pixel.blue() - target.blue())
            ) < 30:
                hits += 1
    return hits


def test_the_overview_png_shows_every_horizon(demo_programme, project, tmp_path):
    open_programme(project, demo_programme)
    png = export_overview_png(project, str(demo_programme), tmp_path / "kaart.png", dpi=60)
    image = QImage(str(png))
    assert image.width() > 800
    for horizon, colour in HORIZON_COLOURS.items():
        assert count_colour(image, colour) > 50, horizon
    assert not list(tmp_path.glob(".*part*"))


def test_the_legend_names_the_horizons_and_context_layers(demo_programme, project):
    open_programme(project, demo_programme)
    layout = build_overview_layout(project, str(demo_programme))
    legend = next(i for i in layout.items() if i.__class__.__name__ == "QgsLayoutItemLegend")
    names = [n.name() for n in legend.model().rootGroup().children()]
    assert names[1:] == ["Challenges", "Neighbourhoods"]
