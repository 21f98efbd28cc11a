import QtQuick
import QtQuick.Controls.Basic

// The call-nurse button: the largest target on every screen. In rest mode it stays, dimmed.
Button {
    id: control
    property string status
    property bool resting: false

    objectName: "callNurseButton"
    text: qsTr("Call nurse")
    Accessible.name: text
    Accessible.description: status
    focusPolicy: Qt.StrongFocus

    contentItem: Item {
        Column {
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            spacing: Theme.spacing

            Text {
                width: parent.width
                text: control.text
                color: control.resting ? Theme.callRestText : Theme.callText
                font.pixelSize: Theme.fontHuge
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
            Text {
                width: parent.width
                text: control.status
                visible: text.length > 0
                color: control.resting ? Theme.callRestText : Theme.callText
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
        }
    }
    background: Rectangle {
        radius: Theme.radius * 1.5
        color: control.resting ? Theme.callRest : Theme.call
        border.width: control.visualFocus ? 5 : 0
        border.color: Theme.focusRing
        Behavior on color { ColorAnimation { duration: Theme.fadeMs } }
    }
}
