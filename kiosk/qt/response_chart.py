"""The response-time chart as a picture (for `python main.py report`), drawn with QPainter.

Two panels, time to acknowledge and time to resolve, each with one column per hour of the
day: a bar for the median and a mark for the 90th percentile, in minutes, and the number of
calls under each hour. Needs a QGuiApplication (fonts); works on the offscreen platform.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from kiosk.core.response_times import HOURS_IN_DAY, Figures

WIDTH = 1600
HEIGHT = 900
_BACKGROUND = QColor("#ffffff")
_INK = QColor("#1a1a1a")
_GRID = QColor("#d0d0d0")
_MEDIAN = QColor("#2f6db5")
_P90 = QColor("#b3541e")
_MARGIN = 70.0


def tr(text: str) -> str:
    return QCoreApplication.translate("ResponseChart", text)


def minutes_text(seconds: float | None) -> str:
    """m:ss, or a dash where there is no figure."""
    if seconds is None:
        return "–"
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def _nice_top(largest_minutes: float) -> float:
    """The axis' top in minutes: a round number just above the largest value."""
    for top in (1, 2, 4, 8, 12, 20, 40, 60, 120, 180, 240):
        if largest_minutes <= top:
            return float(top)
    return float(math.ceil(largest_minutes / 60.0) * 60)


def render_chart(hours: Sequence[Figures], whole: Figures, period: str, path: Path) -> None:
    """Draws the chart for `period` (already worded, e.g. a date or a date range) to a PNG."""
    if len(hours) != HOURS_IN_DAY:
        raise ValueError(f"the chart needs 24 hours of figures (got {len(hours)})")
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(_BACKGROUND)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        _draw(painter, hours, whole, period)
    finally:
        painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):  # the format follows the file name
        raise OSError(f"could not write {path}")


def _font(size: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(size)
    font.setBold(bold)
    return font


def _draw(painter: QPainter, hours: Sequence[Figures], whole: Figures, period: str) -> None:
    painter.setPen(_INK)
    painter.setFont(_font(30, bold=True))
    painter.drawText(QRectF(_MARGIN, 16, WIDTH - 2 * _MARGIN, 40),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     tr("Response times, %1").replace("%1", period))
    painter.setFont(_font(20))
    summary = (tr("%1 calls. To acknowledge: median %2, 90% within %3. To resolve: median %4, "
                  "90% within %5 (minutes:seconds).")
               .replace("%1", str(whole.calls))
               .replace("%2", minutes_text(whole.acknowledge_median))
               .replace("%3", minutes_text(whole.acknowledge_p90))
               .replace("%4", minutes_text(whole.resolve_median))
               .replace("%5", minutes_text(whole.resolve_p90)))
    painter.drawText(QRectF(_MARGIN, 58, WIDTH - 2 * _MARGIN, 30),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, summary)
    _legend(painter, 96.0)
    panel_height = (HEIGHT - 140.0 - 20.0) / 2
    _panel(painter, QRectF(_MARGIN, 140.0, WIDTH - 2 * _MARGIN, panel_height - 10),
           tr("Time to acknowledge"),
           [(h.acknowledge_median, h.acknowledge_p90) for h in hours], None)
    _panel(painter, QRectF(_MARGIN, 140.0 + panel_height, WIDTH - 2 * _MARGIN, panel_height - 10),
           tr("Time to resolve"),
           [(h.resolve_median, h.resolve_p90) for h in hours], [h.calls for h in hours])


def _legend(painter: QPainter, y: float) -> None:
    painter.setFont(_font(18))
    x = _MARGIN
    painter.fillRect(QRectF(x, y + 6, 28, 18), _MEDIAN)
    painter.setPen(_INK)
    painter.drawText(QPointF(x + 36, y + 21), tr("median"))
    x += 200
    painter.setPen(QPen(_P90, 4))
    painter.drawLine(QPointF(x, y + 15), QPointF(x + 28, y + 15))
    painter.setPen(_INK)
    painter.drawText(QPointF(x + 36, y + 21), tr("90th percentile"))
    x += 260
    painter.drawText(QPointF(x, y + 21), tr("Each column is one hour of the day."))


def _panel(painter: QPainter, area: QRectF, title: str,
           values: list[tuple[float | None, float | None]], calls: list[int] | None) -> None:
    painter.setFont(_font(20, bold=True))
    painter.setPen(_INK)
    painter.drawText(QRectF(area.left(), area.top(), area.width(), 28),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    label_room = 60.0 if calls is not None else 30.0
    plot = QRectF(area.left() + 50, area.top() + 36, area.width() - 50,
                  area.height() - 36 - label_room)
    largest = max((v for pair in values for v in pair if v is not None), default=0.0)
    top = _nice_top(largest / 60.0)
    painter.setFont(_font(16))
    for step in range(5):
        minutes = top * step / 4
        y = plot.bottom() - plot.height() * step / 4
        painter.setPen(QPen(_GRID, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(_INK)
        painter.drawText(QRectF(area.left() - 30, y - 10, 74, 20),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         f"{minutes:g}")
    painter.save()
    painter.translate(area.left() - 44, plot.center().y())
    painter.rotate(-90)
    painter.drawText(QRectF(-80, -12, 160, 24), Qt.AlignmentFlag.AlignCenter, tr("minutes"))
    painter.restore()
    column = plot.width() / HOURS_IN_DAY
    for hour, (median, p90) in enumerate(values):
        left = plot.left() + hour * column
        if median is not None:
            height = plot.height() * min(1.0, median / 60.0 / top)
            painter.fillRect(QRectF(left + column * 0.2, plot.bottom() - height, column * 0.6,
                                    height), _MEDIAN)
        if p90 is not None:
            y = plot.bottom() - plot.height() * min(1.0, p90 / 60.0 / top)
            painter.setPen(QPen(_P90, 4))
            painter.drawLine(QPointF(left + column * 0.1, y), QPointF(left + column * 0.9, y))
        painter.setPen(_INK)
        painter.drawText(QRectF(left, plot.bottom() + 4, column, 22),
                         Qt.AlignmentFlag.AlignCenter, f"{hour:02d}")
        if calls is not None:
            painter.setPen(QColor("#555555"))
            painter.drawText(QRectF(left, plot.bottom() + 28, column, 22),
                             Qt.AlignmentFlag.AlignCenter, str(calls[hour]) if calls[hour] else "")
    if calls is not None:
        painter.setPen(QColor("#555555"))
        painter.drawText(QRectF(area.left() - 60, plot.bottom() + 28, 100, 22),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, tr("calls"))
