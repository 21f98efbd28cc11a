"""Walking a loaded QML scene the way a reviewer would look at it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtQml import QQmlEngine, QQmlProperty
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.app.shell import Screen, load_window


class CountingCue:
    """A short sound that counts its plays (the real CuePlayer is tested on libVLC elsewhere)."""

    problem: str | None = None

    def __init__(self) -> None:
        self.plays = 0

    def play(self) -> None:
        self.plays += 1

    def release(self) -> None:
        """Nothing to free."""


def reveal(item: QQuickItem) -> None:
    """Scrolls the page holding `item` so that it is in view (up or down), as a nurse's swipe
    would."""
    node = item.parentItem()
    while node is not None and not node.inherits("QQuickFlickable"):
        node = node.parentItem()
    if node is None:
        return
    top = item.mapToItem(node.property("contentItem"), QPointF(0, 0)).y()
    if top < node.property("contentY"):
        node.setProperty("contentY", top)
    elif top + item.height() > node.property("contentY") + node.height():
        node.setProperty("contentY", top + item.height() - node.height())


def tap(window: QQuickWindow, name: str, qtbot: Any) -> None:
    """A finger on the item with this objectName, scrolled into view first if its page scrolls;
    it must be there to tap: shown and enabled."""
    item = find(window, name)
    assert shown(item) and item.isEnabled(), f"{name} is not there to tap"
    reveal(item)
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=centre(item).toPoint())
    qtbot.wait(10)


def open_room_window(backends: dict[str, Any], qtbot: Any) -> Screen:
    """The patient's screen (Main.qml) on these backends, shown at the 1280x800 design size,
    with animations off so that each step settles at once."""
    screen = load_window("Main", backends)
    screen.engine.singletonInstance("Kiosk", "Theme").setProperty("reducedMotion", True)
    screen.window.setGeometry(0, 0, 1280, 800)
    screen.window.show()
    qtbot.waitExposed(screen.window)
    return screen


def items(root: QQuickItem) -> Iterator[QQuickItem]:
    yield root
    for child in root.childItems():
        yield from items(child)


def find(window: QQuickWindow, name: str) -> QQuickItem:
    """The item with this objectName. Walks the visual tree: the delegates of a Repeater or a
    view have no QObject parent, so findChild would miss them."""
    found = [i for i in items(window.contentItem()) if i.objectName() == name]
    assert found, f"no item named {name}"
    return found[0]


def shown(item: QQuickItem) -> bool:
    """Visible to the patient: visible, not transparent, with some size, all the way up."""
    node: QQuickItem | None = item
    while node is not None:
        if not node.isVisible() or node.opacity() == 0:
            return False
        node = node.parentItem()
    return item.width() > 0 and item.height() > 0


def is_target(item: QQuickItem) -> bool:
    return item.inherits("QQuickAbstractButton") or item.inherits("QQuickMouseArea")


def targets(window: QQuickWindow) -> list[QQuickItem]:
    return [i for i in items(window.contentItem()) if is_target(i) and shown(i) and i.isEnabled()]


def accessible_name(item: QQuickItem) -> str:
    # Attached properties resolve only with the item's QML context.
    context = QQmlEngine.contextForObject(item)
    return str(QQmlProperty(item, "Accessible.name", context).read() or "")


def scene_rect(item: QQuickItem) -> tuple[float, float, float, float]:
    top_left = item.mapToScene(QPointF(0, 0))
    return top_left.x(), top_left.y(), item.width(), item.height()


def centre(item: QQuickItem) -> QPointF:
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2))


def luminance(colour: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def background_behind(item: QQuickItem, window: QQuickWindow) -> QColor:
    """The opaque colour a text item is drawn on: the nearest filled rectangle behind it, or a
    control's background, or the window."""
    node = item.parentItem()
    while node is not None:
        background = node.property("background")
        if isinstance(background, QQuickItem):
            colour = background.property("color")
            if isinstance(colour, QColor) and colour.alpha() == 255:
                return colour
        if node.inherits("QQuickRectangle"):
            colour = node.property("color")
            if isinstance(colour, QColor) and colour.alpha() == 255 and node.opacity() > 0:
                return colour
        node = node.parentItem()
    return window.color()
