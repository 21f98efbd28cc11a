import QtQuick
import QtQuick.Controls.Basic

// The call-nurse button: the largest target on every screen. In rest mode it stays, dimmed.
// With `calls` (RoomCallController) it places the call and says honestly where the call is.
// Each state has its own title, icon, colour and frame, so none is told by hue alone; the
// colour changes slowly and never flashes. The title changes the moment the button is pressed.
Button {
    id: control
    property var calls: null
    property string status
    property bool resting: false

    readonly property string callState: control.calls ? control.calls.callState : "idle"
    // What the button shows: the call state, plus two looks the state alone does not name.
    readonly property string look: {
        if (!control.calls)
            return "idle"
        if (control.callState === "idle")
            return control.calls.noStationOnline ? "no_station" : "idle"
        if (control.callState === "received" && !control.calls.linkUp)
            return "saved"
        return control.callState
    }
    readonly property bool trouble: control.look === "not_through" || control.look === "no_station"
    readonly property string shownStatus: control.calls ? control.calls.statusText : control.status
    readonly property string title: ({
        "idle": qsTr("Call nurse"),
        "no_station": qsTr("No nurse station"),
        "calling": qsTr("Calling..."),
        "not_through": qsTr("Call not through"),
        "received": qsTr("Call received"),
        "on_the_way": qsTr("Nurse coming"),
        "saved": qsTr("Call saved")
    })[control.look]
    // Material Icons code points: bell, bell off, ringing bell, warning sign, tick, walking
    // person, cloud off.
    readonly property string glyph: ({
        "idle": "\ue7f4", "no_station": "\ue7f6", "calling": "\ue7f7",
        "not_through": "\ue8b2", "received": "\ue86c", "on_the_way": "\ue536",
        "saved": "\ue2c1"
    })[control.look]
    readonly property color fill: ({
        "idle": Theme.call, "no_station": Theme.callNoStation, "calling": Theme.callCalling,
        "not_through": Theme.callTrouble, "received": Theme.callHeard,
        "on_the_way": Theme.callOnTheWay, "saved": Theme.callSaved
    })[control.look]
    // A heavy frame for trouble, a light one while a call is open, none at rest.
    readonly property int frame: control.trouble ? Math.round(10 * Theme.scale)
                                 : control.look === "idle" ? 0 : Math.round(4 * Theme.scale)

    objectName: "callNurseButton"
    text: control.title
    Accessible.name: control.look === "idle" ? control.title
                     : qsTr("Call nurse") + ". " + control.title
    Accessible.description: shownStatus
    focusPolicy: Qt.StrongFocus
    padding: control.frame + Theme.spacing / 2
    onClicked: {
        if (control.calls)
            control.calls.callNurse()
    }

    contentItem: Item {
        Column {
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            spacing: Theme.spacing / 2

            Text {
                objectName: "callNurseIcon"
                width: parent.width
                visible: Theme.iconsAvailable
                text: control.glyph
                color: control.resting ? Theme.callRestText : Theme.callText
                font.family: Theme.iconFont
                font.pixelSize: Theme.iconSize
                horizontalAlignment: Text.AlignHCenter
                Accessible.ignored: true
            }
            Text {
                objectName: "callNurseTitle"
                width: parent.width
                text: control.title
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
        color: control.resting ? Theme.callRest : control.fill
        border.width: control.visualFocus ? Math.max(5, control.frame)
                      : control.resting ? 2 : control.frame
        border.color: control.visualFocus ? Theme.focusRing
                      : control.resting ? Theme.callRestEdge : Theme.callText
        Behavior on color { ColorAnimation { duration: Theme.fadeMs / 3 } }
    }
}
