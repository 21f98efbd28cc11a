import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Everything of the patient's screen but the call column: the header, the screens, the staff
// notes and the overlays. Its own file, loaded once the room is complete (Main.qml), so the
// first frame compiles none of it.
Item {
    id: roomView
    required property var room
    required property var calls
    required property var music
    required property var session
    required property var guide
    required property var language
    required property var speech
    required property var desk

    Item {
        id: frame
        anchors.fill: parent
        anchors.margins: Theme.margin
        anchors.rightMargin: Theme.margin + Theme.callColumnWidth + Theme.spacing

        RowLayout {
            id: header
            anchors { left: parent.left; right: parent.right; top: parent.top }
            spacing: Theme.spacing

            // Holding the room name for 3 seconds opens the nurse's PIN pad: a patient will not
            // do that by chance, and there is no staff button on the patient's screen.
            Item {
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.minTarget
                Text {
                    objectName: "roomName"
                    anchors.fill: parent
                    verticalAlignment: Text.AlignVCenter
                    text: roomView.room.roomName
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                }
                MouseArea {
                    objectName: "nurseHoldArea"
                    anchors.fill: parent
                    pressAndHoldInterval: 3000
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("For the nurse: hold for 3 seconds")
                    onPressAndHold: roomView.room.openNursePanel()
                }
            }
            Text {
                objectName: "clock"
                text: roomView.room.clockText
                color: Theme.textMuted
                font.pixelSize: Theme.fontClock
            }
            LanguageButton { language: roomView.language }
            BigButton {
                objectName: "restButton"
                text: qsTr("Darken screen")
                Accessible.description: qsTr("Dims the screen. Touch anywhere to wake it.")
                onClicked: roomView.room.rest()
            }
        }

        Loader {
            id: content
            objectName: "screenContent"
            anchors {
                left: parent.left; right: parent.right; top: header.bottom
                bottom: staffNotes.visible ? staffNotes.top : parent.bottom
                topMargin: Theme.spacing
            }
            sourceComponent: ({ "music": musicScreen, "nurse": nursePanel,
                                "requests": requestsScreen, "guide": guideList,
                                "topic": topicScreen })[roomView.room.screen] || homeScreen
        }

        // Parts of this room that could not start, in plain words for staff; the rest runs on.
        Column {
            id: staffNotes
            objectName: "degradedNotes"
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            topPadding: Theme.spacing / 2
            visible: roomView.room.degraded.length > 0
            Repeater {
                model: roomView.room.degraded
                Text {
                    required property var modelData
                    objectName: "degradedNote"
                    width: staffNotes.width
                    text: modelData
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                    maximumLineCount: 1
                }
            }
        }
    }

    Component {
        id: homeScreen
        HomeScreen {
            room: roomView.room; music: roomView.music; session: roomView.session; guide: roomView.guide
        }
    }
    Component {
        id: musicScreen
        MusicScreen { room: roomView.room; music: roomView.music }
    }
    Component {
        id: nursePanel
        NursePanel {
            room: roomView.room; session: roomView.session; desk: roomView.desk
            music: roomView.music; language: roomView.language; guide: roomView.guide
            speech: roomView.speech
        }
    }
    Component {
        id: guideList
        GuideListScreen { room: roomView.room; guide: roomView.guide }
    }
    Component {
        id: topicScreen
        TopicScreen { room: roomView.room; guide: roomView.guide; speech: roomView.speech }
    }
    Component {
        id: requestsScreen
        RequestsScreen { room: roomView.room; calls: roomView.calls }
    }

    NursePinPad {
        anchors.fill: frame
        z: 1
        nurse: roomView.room.nurse
    }

    // After "Nurse is here" the patient reads it first, then the calm home screen returns.
    NurseGreeting {
        anchors { left: frame.left; right: frame.right; top: frame.top }
        z: 1
        text: roomView.desk.greeting
        onDismissed: roomView.desk.dismissGreeting()
    }

    RestOverlay {
        anchors.fill: parent
        z: 1
        active: roomView.room.restMode
        hint: qsTr("Resting. Touch the screen to wake it.")
        session: !roomView.session.active ? ""
                 : roomView.session.clockHidden ? roomView.session.phaseName
                 : roomView.session.phaseName + "\n" + roomView.session.minutesLeftText
        onWakeRequested: roomView.room.wake()
    }
}
