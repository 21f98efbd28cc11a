import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The patient's screen. The call button sits beside every screen; rest mode darkens the rest.
// The call column needs only `room` and `calls`: the product shows it in its first frame and
// hands over the other backends right after it, when the rest of the screen is built.
Window {
    id: window
    required property var room
    required property var calls
    property var music: null
    property var session: null
    property var guide: null
    property var language: null
    property var speech: null
    property var desk: null
    readonly property bool complete: music !== null && session !== null && guide !== null
                                     && language !== null && speech !== null && desk !== null

    objectName: "roomWindow"
    title: qsTr("Comfort screen, %1").arg(room.roomName)
    color: Theme.background
    visible: true
    onClosing: (close) => { close.accepted = window.room.closeAllowed }
    // A new patient language re-translates this window live.
    onLanguageChanged: if (language !== null) language.retranslates(window)
    Component.onCompleted: if (language !== null) language.retranslates(window)

    Binding {
        target: Theme
        property: "scale"
        value: Math.max(1.0, Math.min(window.width / 1280, window.height / 800))
    }

    Loader {
        objectName: "roomScreen"
        anchors.fill: parent
        active: window.complete
        sourceComponent: roomScreen
    }

    Component {
        id: roomScreen
        Item {
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
                            text: window.room.roomName
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
                            onPressAndHold: window.room.openNursePanel()
                        }
                    }
                    Text {
                        objectName: "clock"
                        text: window.room.clockText
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontClock
                    }
                    LanguageButton { language: window.language }
                    BigButton {
                        objectName: "restButton"
                        text: qsTr("Darken screen")
                        Accessible.description: qsTr("Dims the screen. Touch anywhere to wake it.")
                        onClicked: window.room.rest()
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
                                        "topic": topicScreen })[window.room.screen] || homeScreen
                }

                // Parts of this room that could not start, in plain words for staff; the rest runs on.
                Column {
                    id: staffNotes
                    objectName: "degradedNotes"
                    anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                    topPadding: Theme.spacing / 2
                    visible: window.room.degraded.length > 0
                    Repeater {
                        model: window.room.degraded
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
                    room: window.room; music: window.music; session: window.session; guide: window.guide
                }
            }
            Component {
                id: musicScreen
                MusicScreen { room: window.room; music: window.music }
            }
            Component {
                id: nursePanel
                NursePanel {
                    room: window.room; session: window.session; desk: window.desk
                    music: window.music; language: window.language; guide: window.guide
                    speech: window.speech
                }
            }
            Component {
                id: guideList
                GuideListScreen { room: window.room; guide: window.guide }
            }
            Component {
                id: topicScreen
                TopicScreen { room: window.room; guide: window.guide; speech: window.speech }
            }
            Component {
                id: requestsScreen
                RequestsScreen { room: window.room; calls: window.calls }
            }

            NursePinPad {
                anchors.fill: frame
                z: 1
                nurse: window.room.nurse
            }

            // After "Nurse is here" the patient reads it first, then the calm home screen returns.
            NurseGreeting {
                anchors { left: frame.left; right: frame.right; top: frame.top }
                z: 1
                text: window.desk.greeting
                onDismissed: window.desk.dismissGreeting()
            }

            RestOverlay {
                anchors.fill: parent
                z: 1
                active: window.room.restMode
                hint: qsTr("Resting. Touch the screen to wake it.")
                session: !window.session.active ? ""
                         : window.session.clockHidden ? window.session.phaseName
                         : window.session.phaseName + "\n" + window.session.minutesLeftText
                onWakeRequested: window.room.wake()
            }
        }
    }

    // Night dimming, over everything but the call column (its other buttons dim themselves).
    NightOverlay {
        anchors.fill: parent
        z: 1
        active: window.room.nightDimmed
        brightness: window.room.nightBrightness
    }

    ColumnLayout {
        z: 2
        anchors { right: parent.right; top: parent.top; bottom: parent.bottom; margins: Theme.margin }
        width: Theme.callColumnWidth
        spacing: Theme.spacing

        CallButton {
            id: callButton
            calls: window.calls
            resting: window.room.restMode
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        RequestsButton {
            calls: window.calls
            visible: !window.room.restMode
            // Dimmed with the rest of the screen at night: only the call button stays bright.
            opacity: window.room.nightDimmed ? window.room.nightBrightness : 1.0
            Layout.fillWidth: true
            onClicked: window.room.show("requests")
        }
        // Eyes-closed mode, beside the call button on every screen; hidden when the room has
        // no voice.
        BigButton {
            objectName: "speakToMeButton"
            opacity: window.room.nightDimmed ? window.room.nightBrightness : 1.0
            visible: window.speech !== null && window.speech.available && !window.room.restMode
            // Not `checkable`: a tap asks the controller, which stays the one source of truth.
            checked: window.speech !== null && window.speech.speakToMe
            Accessible.checkable: true
            Accessible.checked: checked
            text: checked ? qsTr("Speaking to you: on") : qsTr("Speak to me")
            fill: checked ? Theme.toggleOn : Theme.surfaceRaised
            ink: checked ? Theme.callText : Theme.text
            Accessible.name: qsTr("Speak to me")
            Accessible.description: qsTr("Says every change of your call and what you do.")
            Layout.fillWidth: true
            onClicked: window.speech.setSpeakToMe(!window.speech.speakToMe)
        }
    }
}
