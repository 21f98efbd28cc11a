import QtQuick

// Rest mode: everything but the call button goes dark. The first touch only wakes the screen.
Rectangle {
    id: overlay
    property bool active: false
    property string hint
    signal wakeRequested()

    objectName: "restOverlay"
    color: Theme.restBackground
    opacity: active ? 1.0 : 0.0
    visible: opacity > 0
    Behavior on opacity { NumberAnimation { duration: Theme.fadeMs } }

    // Centred in the part of the screen left of the call button.
    Text {
        x: Theme.margin
        anchors.verticalCenter: parent.verticalCenter
        width: parent.width - Theme.callColumnWidth - 3 * Theme.margin
        text: overlay.hint
        color: Theme.restText
        font.pixelSize: Theme.fontBody
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
    }
    MouseArea {
        objectName: "restWakeArea"
        anchors.fill: parent
        enabled: overlay.active
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Wake the screen")
        onPressed: overlay.wakeRequested()
    }
}
