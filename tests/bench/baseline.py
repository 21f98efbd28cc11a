"""The bare baseline the benchmarks compare against: a QML window with a button and a line of
text in the Basic style, and nothing of ours. It prints "first frame" on stderr when drawn."""

BARE_QML_WINDOW = r'''
import sys
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
app = QGuiApplication(sys.argv)
engine = QQmlApplicationEngine()
engine.loadData(b"""import QtQuick
import QtQuick.Controls.Basic
Window { width: 1280; height: 800; visible: true; color: "#0d1014"
    Button { text: "Call nurse"; width: 300; height: 300 }
    Text { text: "Room 1"; color: "white"; font.pixelSize: 34 } }""")
window = engine.rootObjects()[0]
window.frameSwapped.connect(lambda: (print("first frame", file=sys.stderr, flush=True)))
app.exec()
'''

# The same window with a clock that changes once a second, as the room's session ring and time
# left do: the fair baseline for a room's idle CPU with a session running.
BARE_QML_WINDOW_WITH_CLOCK = BARE_QML_WINDOW.replace(
    'font.pixelSize: 34 } }',
    'font.pixelSize: 34 }\n'
    '    Text { id: clock; y: 60; color: "white"; font.pixelSize: 34 }\n'
    '    Timer { interval: 1000; running: true; repeat: true\n'
    '            onTriggered: clock.text = new Date().toLocaleTimeString() } }')
assert BARE_QML_WINDOW_WITH_CLOCK != BARE_QML_WINDOW
