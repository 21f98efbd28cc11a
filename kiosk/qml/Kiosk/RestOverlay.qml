import QtQuick

// Rest mode: everything but the call button goes dark. The first touch only wakes the screen.
Rectangle {
    id: overlay
    property bool active: false
    property string hint
    // The session's phase and time left stay readable in rest mode (empty when none).
    property string session
    signal wakeRequested()

    objectName: "restOverlay"
    color: Theme.restBackground
    opacity: active ? 1.0 : 0.0
    visible: opacity > 0
    Behavior on opacity { NumberAnimation { duration: Theme.fadeMs } }

    // Centred in the part of the screen left of the call button.
    Column {
        x: Theme.margin
        anchors.verticalCenter: parent.verticalCenter
        width: parent.width - Theme.callColumnWidth - 3 * Theme.margin
        spacing: Theme.spacing

        Text {
            objectName: "restSession"
            width: parent.width
            visible: text.length > 0
            text: overlay.session
            color: Theme.restText
            font.pixelSize: Theme.fontTitle
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            width: parent.width
            text: overlay.hint
            color: Theme.restText
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
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
