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
