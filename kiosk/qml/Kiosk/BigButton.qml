import QtQuick
import QtQuick.Controls.Basic

// A large, calm touch target: at least Theme.minTarget in both directions.
Button {
    id: control
    property color fill: Theme.surfaceRaised
    property color ink: Theme.text
    property int fontSize: Theme.fontBody

    implicitWidth: Math.max(Theme.minTarget, contentItem.implicitWidth + 2 * Theme.spacing)
    implicitHeight: Math.max(Theme.minTarget, contentItem.implicitHeight + Theme.spacing)
    Accessible.name: text
    focusPolicy: Qt.StrongFocus

    contentItem: Text {
        text: control.text
        color: control.ink
        font.pixelSize: control.fontSize
        font.weight: Font.DemiBold
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.fill
        opacity: control.enabled ? 1.0 : 0.6
        border.width: control.visualFocus ? 4 : 0
        border.color: Theme.focusRing
    }
}
