import QtQuick
import QtQuick.Controls.Basic

// The call-nurse button: the largest target on every screen. In rest mode it stays, dimmed.
// With `calls` (RoomCallController) it places the call and says honestly where the call is;
// its colour changes slowly with the state and never flashes.
Button {
    id: control
    property var calls: null
    property string status
    property bool resting: false

    readonly property string callState: control.calls ? control.calls.callState : "idle"
    readonly property bool trouble: control.calls !== null
        && (control.callState === "not_through"
            || (control.callState === "idle" && control.calls.noStationOnline))
    readonly property string shownStatus: control.calls ? control.calls.statusText : control.status

    objectName: "callNurseButton"
    text: qsTr("Call nurse")
    Accessible.name: text
    Accessible.description: shownStatus
    focusPolicy: Qt.StrongFocus
    onClicked: {
        if (control.calls)
            control.calls.callNurse()
    }

    contentItem: Item {
        Column {
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            spacing: Theme.spacing

            Text {
                objectName: "callNurseTitle"
                width: parent.width
                text: control.text
                color: control.resting ? Theme.callRestText : Theme.callText
                font.pixelSize: Theme.fontHuge
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
            Text {
                objectName: "callNurseStatus"
                width: parent.width
                text: control.shownStatus
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
        color: control.resting ? Theme.callRest
             : control.trouble ? Theme.callTrouble
             : (control.callState === "received" || control.callState === "on_the_way")
               ? Theme.callHeard : Theme.call
        border.width: control.visualFocus ? 5 : 0
        border.color: Theme.focusRing
        Behavior on color { ColorAnimation { duration: Theme.fadeMs } }
    }
}
