import QtQuick
import QtQuick.Controls.Basic

// A large, calm touch target: at least Theme.minTarget in both directions.
Button {
    id: control
    property color fill: Theme.surfaceRaised
    property color ink: Theme.text
    property color edge: Theme.controlEdge
    property int edgeWidth: 2
    property int fontSize: Theme.fontBody

    implicitWidth: Math.max(Theme.minTarget, contentItem.implicitWidth + 2 * Theme.spacing)
    implicitHeight: Math.max(Theme.minTarget, contentItem.implicitHeight + Theme.spacing)
    Accessible.name: text
    focusPolicy: Qt.StrongFocus

    contentItem: Text {
        text: control.text
        color: control.enabled ? control.ink : Theme.textMuted
        font.pixelSize: control.fontSize
        font.weight: Font.DemiBold
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: Theme.radius
        // Enabled: its fill and a clear edge. Disabled: no fill of its own and a dim edge.
        color: control.enabled ? control.fill : Theme.background
        border.width: control.visualFocus ? Math.max(4, control.edgeWidth) : control.edgeWidth
        border.color: control.visualFocus ? Theme.focusRing
                      : control.enabled ? control.edge : Theme.disabledEdge
    }
}
