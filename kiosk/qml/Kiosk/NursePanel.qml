import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The nurse's controls for this room. Reached only through room.openNursePanel(), where the PIN
// guard stands (hold the room name for 3 seconds). Large steps and few words: the nurse is busy
// and may wear gloves. It closes by itself after a quiet spell. End session and Reset ask first.
Item {
    id: panel
    objectName: "nursePanel"
    required property var session
    required property var room
    required property var desk
    // Optional seams: without them their controls are not shown.
    property var music: null
    property var language: null
    property var speech: null
    // The guide says whether the clinic's medical lead has reviewed the patient's texts.
    property var guide: null
    // "" or the action waiting for the nurse's yes: "end", "reset".
    property string confirming: ""
    property int page: 0

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        enabled: panel.confirming === ""


        Text {
            objectName: "nurseChangePinNote"
            visible: panel.room.nurse.demoPin
            text: qsTr("This tablet uses the demo PIN: change this PIN with python main.py hash-pin (nurse.pin_hash in config/clinic.yaml).")
            color: Theme.urgent
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        RowLayout {
            objectName: "nursePages"
            spacing: Math.round(Theme.spacing / 2)
            Layout.fillWidth: true
            Accessible.name: qsTr("Nurse controls")
            Repeater {
                model: [qsTr("Session"), qsTr("Patient"), qsTr("Calls"), qsTr("For IT")]
                BigButton {
                    required property string modelData
                    required property int index
                    objectName: "nursePage" + index
                    text: modelData
                    Accessible.name: qsTr("Show %1").arg(modelData)
                    Layout.fillWidth: true
                    Layout.minimumWidth: Theme.minTarget
                    background: Rectangle {
                        radius: Theme.radius
                        color: index === panel.page ? Theme.surfaceRaised : Theme.background
                        border.width: index === panel.page ? 4 : 2
                        border.color: index === panel.page ? Theme.focusRing : Theme.controlEdge
                    }
                    onClicked: { panel.page = index; panel.desk.refreshAudit() }
                }
            }
            BigButton {
                objectName: "nurseIsHereButton"
                text: qsTr("Nurse is here")
                Accessible.description: qsTr("Clears this room's open calls and requests, and tells the patient.")
                fill: Theme.surfaceRaised
                Layout.fillWidth: true
                Layout.minimumWidth: Theme.minTarget
                onClicked: panel.desk.nurseIsHere()
            }
            BigButton {
                objectName: "nurseBackButton"
                text: qsTr("Back")
                Accessible.name: qsTr("Back to the patient screen")
                Layout.fillWidth: true
                Layout.minimumWidth: Theme.minTarget
                onClicked: panel.room.show("home")
            }
        }

        StackLayout {
            currentIndex: panel.page
            Layout.fillWidth: true
            Layout.fillHeight: true

            // ---- Session ----
            Flickable {
                contentHeight: sessionPage.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ColumnLayout {
                    id: sessionPage
                    width: parent.width
                    spacing: Theme.spacing

                    Text {
                        objectName: "nurseSessionSummary"
                        text: panel.session.active || panel.session.ended
                              ? qsTr("Now: %1, %2. %3").arg(panel.session.templateName)
                                    .arg(panel.session.phaseName)
                                    .arg(panel.session.paused ? qsTr("Paused.")
                                         : panel.session.ended ? qsTr("Ended.")
                                         : panel.session.totalMinutesLeftText)
                              : qsTr("No session is running.")
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }

                    // This session: shown while one runs or is paused.
                    Flow {
                        objectName: "nurseSessionControls"
                        visible: panel.session.active
                        spacing: Theme.spacing
                        Layout.fillWidth: true

                        BigButton {
                            objectName: "nursePauseButton"
                            text: panel.session.paused ? qsTr("Resume") : qsTr("Pause")
                            Accessible.name: panel.session.paused ? qsTr("Resume the session timer")
                                                                  : qsTr("Pause the session timer")
                            onClicked: panel.session.paused ? panel.session.resume()
                                                            : panel.session.pause()
                        }
                        BigButton {
                            objectName: "nurseExtend5Button"
                            text: qsTr("+5 min")
                            Accessible.name: qsTr("Add 5 minutes to this part")
                            onClicked: panel.session.extend(5)
                        }
                        BigButton {
                            objectName: "nurseExtend10Button"
                            text: qsTr("+10 min")
                            Accessible.name: qsTr("Add 10 minutes to this part")
                            onClicked: panel.session.extend(10)
                        }
                        BigButton {
                            objectName: "nurseEndButton"
                            text: qsTr("End session")
                            onClicked: panel.confirming = "end"
                        }
                    }

                    // A new session: shown when none runs.
                    ColumnLayout {
                        objectName: "nurseNewSession"
                        visible: !panel.session.active
                        spacing: Theme.spacing
                        Layout.fillWidth: true

                        Flow {
                            spacing: Theme.spacing
                            Layout.fillWidth: true
                            Repeater {
                                model: panel.session.templates
                                BigButton {
                                    required property var modelData
                                    objectName: "nurseTemplate_" + modelData.id
                                    text: modelData.name
                                    Accessible.name: qsTr("Choose %1").arg(modelData.name)
                                    fill: modelData.id === panel.session.chosenTemplateId
                                          ? Theme.surfaceRaised : Theme.surface
                                    background: Rectangle {
                                        radius: Theme.radius
                                        color: parent.fill
                                        border.width: modelData.id === panel.session.chosenTemplateId
                                                      ? 4 : 1
                                        border.color: modelData.id === panel.session.chosenTemplateId
                                                      ? Theme.focusRing : Theme.border
                                    }
                                    onClicked: panel.session.chooseTemplate(modelData.id)
                                }
                            }
                        }

                        RowLayout {
                            visible: panel.session.chosenSetsLength
                            spacing: Theme.spacing
                            BigButton {
                                objectName: "nurseMinus10Button"
                                text: qsTr("-10")
                                Accessible.name: qsTr("Infusion 10 minutes shorter")
                                onClicked: panel.session.changeMinutes(-10)
                            }
                            BigButton {
                                objectName: "nurseMinus5Button"
                                text: qsTr("-5")
                                Accessible.name: qsTr("Infusion 5 minutes shorter")
                                onClicked: panel.session.changeMinutes(-5)
                            }
                            Text {
                                objectName: "nurseInfusionMinutes"
                                text: qsTr("Infusion %1 min").arg(panel.session.chosenMinutes)
                                color: Theme.text
                                font.pixelSize: Theme.fontBody
                                horizontalAlignment: Text.AlignHCenter
                                Layout.minimumWidth: Math.round(200 * Theme.scale)
                            }
                            BigButton {
                                objectName: "nursePlus5Button"
                                text: qsTr("+5")
                                Accessible.name: qsTr("Infusion 5 minutes longer")
                                onClicked: panel.session.changeMinutes(5)
                            }
                            BigButton {
                                objectName: "nursePlus10Button"
                                text: qsTr("+10")
                                Accessible.name: qsTr("Infusion 10 minutes longer")
                                onClicked: panel.session.changeMinutes(10)
                            }
                        }
                    }

                    Flow {
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        BigButton {
                            objectName: "nurseStartButton"
                            visible: !panel.session.active
                            text: qsTr("Start %1").arg(panel.session.chosenTemplateName)
                            enabled: panel.session.chosenTemplateId.length > 0
                            onClicked: panel.session.startChosen()
                        }
                        BigButton {
                            objectName: "nurseResetButton"
                            text: qsTr("Reset for next patient")
                            Accessible.description: qsTr("Clears what the patient left: session, requests, music, language and screen settings.")
                            onClicked: panel.confirming = "reset"
                        }
                    }
                    Text {
                        objectName: "nurseReviewNote"
                        visible: text.length > 0
                        text: panel.guide ? panel.guide.reviewNote : ""
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Text {
                        text: qsTr("A tablet call supplements the wired nurse call.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }

            // ---- Patient: choices for this patient, all undone by Reset ----
            Flickable {
                contentHeight: patientPage.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ColumnLayout {
                    id: patientPage
                    width: parent.width
                    spacing: Theme.spacing

                    Flow {
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        BigButton {
                            objectName: "nurseClockButton"
                            text: panel.session.clockHidden ? qsTr("Show the time left")
                                                            : qsTr("Hide the time left")
                            onClicked: panel.session.setClockHidden(!panel.session.clockHidden)
                        }
                        BigButton {
                            objectName: "nurseSpeechButton"
                            visible: panel.speech !== null && panel.speech.available
                            text: panel.speech && panel.speech.speakToMe
                                  ? qsTr("Stop speaking to the patient")
                                  : qsTr("Speak to the patient")
                            Accessible.description: qsTr("Spoken confirmations for a patient who keeps their eyes closed.")
                            onClicked: panel.speech.setSpeakToMe(!panel.speech.speakToMe)
                        }
                        BigButton {
                            objectName: "nurseRestButton"
                            text: qsTr("Rest mode now")
                            Accessible.description: qsTr("Darkens the patient's screen now.")
                            onClicked: { panel.room.show("home"); panel.room.rest() }
                        }
                    }
                    Flow {
                        objectName: "nurseRestAfter"
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        Repeater {
                            model: [0, 5, 10, 20]
                            BigButton {
                                required property int modelData
                                objectName: "nurseRestAfter" + modelData
                                text: modelData === 0 ? qsTr("Darken only when asked")
                                                      : qsTr("Darken after %1 min quiet").arg(modelData)
                                fill: panel.desk.restAfterMinutes === modelData ? Theme.surfaceRaised
                                                                                : Theme.surface
                                background: Rectangle {
                                    radius: Theme.radius
                                    color: parent.fill
                                    border.width: panel.desk.restAfterMinutes === modelData ? 4 : 2
                                    border.color: panel.desk.restAfterMinutes === modelData
                                                  ? Theme.focusRing : Theme.controlEdge
                                }
                                onClicked: panel.desk.setRestAfterIdle(modelData)
                            }
                        }
                    }
                    Flow {
                        objectName: "nurseLanguages"
                        visible: panel.language !== null
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        Repeater {
                            model: panel.language ? panel.language.languages : []
                            BigButton {
                                required property var modelData
                                objectName: "nurseLanguage_" + modelData.code
                                text: modelData.name
                                Accessible.name: qsTr("Patient's language: %1").arg(modelData.name)
                                fill: panel.language && modelData.code === panel.language.language
                                      ? Theme.surfaceRaised : Theme.surface
                                onClicked: panel.language.setLanguage(modelData.code)
                            }
                        }
                    }
                    Flow {
                        objectName: "nursePlaylists"
                        visible: panel.music !== null && panel.music.available
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        Repeater {
                            model: panel.music ? panel.music.playlists : []
                            BigButton {
                                required property var modelData
                                required property int index
                                objectName: "nursePlaylist" + index
                                visible: modelData.available
                                text: qsTr("Play %1").arg(modelData.name)
                                Accessible.description: qsTr("Starts this music for the patient now.")
                                onClicked: panel.music.playPlaylist(index)
                            }
                        }
                    }
                    // The room's music when a session starts, for every patient (kept on this tablet).
                    Text {
                        objectName: "nurseStartPlaylistText"
                        visible: panel.desk.onTablet !== null
                        text: panel.desk.onTablet ? panel.desk.onTablet.startPlaylistText : ""
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Flow {
                        objectName: "nurseStartPlaylists"
                        visible: panel.desk.onTablet !== null && panel.music !== null
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        Repeater {
                            model: panel.music ? panel.music.playlists : []
                            BigButton {
                                required property var modelData
                                required property int index
                                readonly property bool chosen: panel.desk.onTablet !== null
                                                               && panel.desk.onTablet.startPlaylist === modelData.name
                                objectName: "nurseStartWith" + index
                                text: qsTr("Start sessions with %1").arg(modelData.name)
                                fill: chosen ? Theme.surfaceRaised : Theme.surface
                                Accessible.checkable: true
                                Accessible.checked: chosen
                                background: Rectangle {
                                    radius: Theme.radius
                                    color: parent.fill
                                    border.width: parent.chosen ? 4 : 2
                                    border.color: parent.chosen ? Theme.focusRing : Theme.controlEdge
                                }
                                Accessible.description: qsTr("This music fades in when a session starts in this room, for every patient.")
                                onClicked: panel.desk.onTablet.chooseStartPlaylist(modelData.name)
                            }
                        }
                        BigButton {
                            readonly property bool chosen: panel.desk.onTablet !== null
                                                           && panel.desk.onTablet.startPlaylist === ""
                            objectName: "nurseStartSilence"
                            text: qsTr("Start sessions in silence")
                            fill: chosen ? Theme.surfaceRaised : Theme.surface
                            Accessible.checkable: true
                            Accessible.checked: chosen
                            background: Rectangle {
                                radius: Theme.radius
                                color: parent.fill
                                border.width: parent.chosen ? 4 : 2
                                border.color: parent.chosen ? Theme.focusRing : Theme.controlEdge
                            }
                            onClicked: panel.desk.onTablet.chooseStartPlaylist("")
                        }
                        BigButton {
                            objectName: "nurseStartPlaylistClinic"
                            visible: panel.desk.onTablet !== null && panel.desk.onTablet.startPlaylistChangedHere
                            text: qsTr("Back to the clinic's music setting")
                            onClicked: panel.desk.onTablet.useClinicStartPlaylist()
                        }
                    }
                    RowLayout {
                        objectName: "nurseVolumeCap"
                        visible: panel.desk.onTablet !== null
                        spacing: Theme.spacing
                        BigButton {
                            objectName: "nurseCapDown"
                            text: qsTr("-10")
                            Accessible.name: qsTr("Lower the volume limit for this patient")
                            onClicked: panel.desk.onTablet.changePatientCap(-10)
                        }
                        Text {
                            objectName: "nurseVolumeCapText"
                            text: panel.desk.onTablet
                                  ? qsTr("Volume limit for this patient: %1%").arg(panel.desk.onTablet.patientCapPercent)
                                  : ""
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            wrapMode: Text.WordWrap
                            horizontalAlignment: Text.AlignHCenter
                            Layout.preferredWidth: Math.round(300 * Theme.scale)
                        }
                        BigButton {
                            objectName: "nurseCapUp"
                            text: qsTr("+10")
                            Accessible.name: qsTr("Raise the volume limit for this patient")
                            onClicked: panel.desk.onTablet.changePatientCap(10)
                        }
                    }
                    Text {
                        objectName: "nurseRoomCapText"
                        visible: panel.desk.onTablet !== null
                        text: !panel.desk.onTablet ? ""
                              : panel.desk.onTablet.roomCapChangedHere
                              ? qsTr("This room's volume limit, for every patient: %1%. Changed on this tablet; the clinic's setting is %2%.").arg(panel.desk.onTablet.roomCapPercent).arg(panel.desk.onTablet.clinicCapPercent)
                              : qsTr("This room's volume limit, for every patient: %1% (the clinic's setting).").arg(panel.desk.onTablet.roomCapPercent)
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Flow {
                        visible: panel.desk.onTablet !== null
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        BigButton {
                            objectName: "nurseRoomCapDown"
                            text: qsTr("Room -10")
                            Accessible.name: qsTr("Lower this room's volume limit for every patient")
                            onClicked: panel.desk.onTablet.changeRoomCap(-10)
                        }
                        BigButton {
                            objectName: "nurseRoomCapUp"
                            text: qsTr("Room +10")
                            Accessible.name: qsTr("Raise this room's volume limit for every patient")
                            onClicked: panel.desk.onTablet.changeRoomCap(10)
                        }
                        BigButton {
                            objectName: "nurseRoomCapClinic"
                            visible: panel.desk.onTablet !== null && panel.desk.onTablet.roomCapChangedHere
                            text: qsTr("Back to the clinic's setting")
                            onClicked: panel.desk.onTablet.useClinicRoomCap()
                        }
                    }
                    // Night dimming for this room, for every patient (kept on this tablet).
                    Text {
                        objectName: "nurseNightText"
                        visible: panel.desk.onTablet !== null
                        text: !panel.desk.onTablet ? ""
                              : panel.desk.onTablet.nightChangedHere
                              ? qsTr("Night dimming in this room: %1. Changed on this tablet; the clinic's setting is %2.").arg(panel.desk.onTablet.nightText).arg(panel.desk.onTablet.clinicNightText)
                              : qsTr("Night dimming in this room: %1 (the clinic's setting).").arg(panel.desk.onTablet.nightText)
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Flow {
                        visible: panel.desk.onTablet !== null
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        BigButton {
                            objectName: "nurseNightStartEarlier"
                            text: qsTr("Start -30 min")
                            Accessible.name: qsTr("Start night dimming half an hour earlier")
                            onClicked: panel.desk.onTablet.changeNightStart(-1)
                        }
                        BigButton {
                            objectName: "nurseNightStartLater"
                            text: qsTr("Start +30 min")
                            Accessible.name: qsTr("Start night dimming half an hour later")
                            onClicked: panel.desk.onTablet.changeNightStart(1)
                        }
                        BigButton {
                            objectName: "nurseNightEndEarlier"
                            text: qsTr("End -30 min")
                            Accessible.name: qsTr("End night dimming half an hour earlier")
                            onClicked: panel.desk.onTablet.changeNightEnd(-1)
                        }
                        BigButton {
                            objectName: "nurseNightEndLater"
                            text: qsTr("End +30 min")
                            Accessible.name: qsTr("End night dimming half an hour later")
                            onClicked: panel.desk.onTablet.changeNightEnd(1)
                        }
                        BigButton {
                            objectName: "nurseNightDarker"
                            text: qsTr("Darker at night")
                            Accessible.name: qsTr("Make the screen darker at night")
                            onClicked: panel.desk.onTablet.changeNightBrightness(-10)
                        }
                        BigButton {
                            objectName: "nurseNightBrighter"
                            text: qsTr("Brighter at night")
                            Accessible.name: qsTr("Make the screen brighter at night")
                            onClicked: panel.desk.onTablet.changeNightBrightness(10)
                        }
                        BigButton {
                            objectName: "nurseNightClinic"
                            visible: panel.desk.onTablet !== null && panel.desk.onTablet.nightChangedHere
                            text: qsTr("Back to the clinic's night setting")
                            onClicked: panel.desk.onTablet.useClinicNight()
                        }
                    }
                }
            }

            // ---- Calls ----
            Flickable {
                contentHeight: callsPage.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ColumnLayout {
                    id: callsPage
                    width: parent.width
                    spacing: Theme.spacing

                    Text {
                        objectName: "nurseOpenCalls"
                        text: qsTr("Open calls and requests in this room: %1").arg(panel.desk.openCallCount)
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    BigButton {
                        objectName: "nurseTestCallButton"
                        text: qsTr("Send a test call")
                        Accessible.description: qsTr("Sends a call marked as a test and measures how long a nurse station takes to receive it.")
                        onClicked: panel.desk.placeTestCall()
                    }
                    Text {
                        objectName: "nurseTestCallResult"
                        visible: text.length > 0
                        text: panel.desk.testCallText
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Text {
                        text: panel.desk.recentCalls.length > 0 ? qsTr("Recent calls on this tablet:")
                                                                 : qsTr("No calls on this tablet since the last reset.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        Layout.fillWidth: true
                    }
                    Repeater {
                        model: panel.desk.recentCalls
                        Text {
                            required property string modelData
                            objectName: "nurseRecentCall"
                            text: modelData
                            color: Theme.text
                            font.pixelSize: Theme.fontSmall
                            Layout.fillWidth: true
                        }
                    }
                }
            }

            // ---- For IT ----
            Flickable {
                contentHeight: itPage.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ColumnLayout {
                    id: itPage
                    width: parent.width
                    spacing: Math.round(Theme.spacing / 2)
                    Repeater {
                        model: panel.desk.diagnostics
                        Text {
                            required property string modelData
                            objectName: "nurseDiagnostic"
                            text: modelData
                            color: Theme.text
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WrapAtWordBoundaryOrAnywhere  // long paths break anywhere
                            Layout.fillWidth: true
                        }
                    }
                    Text {
                        text: qsTr("Latest entries in this tablet's audit log:")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        Layout.fillWidth: true
                    }
                    Repeater {
                        model: panel.desk.auditLines
                        Text {
                            required property string modelData
                            objectName: "nurseAuditLine"
                            text: modelData
                            color: Theme.text
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                    Text {
                        text: qsTr("The nurse panel opens by holding the room name for 3 seconds, then the PIN.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }

    // End session and Reset ask first, and say what they will do.
    Rectangle {
        objectName: "nurseConfirm"
        anchors.fill: parent
        visible: panel.confirming !== ""
        color: Theme.background

        MouseArea {
            objectName: "nurseConfirmBackdrop"
            anchors.fill: parent
            Accessible.name: qsTr("Confirmation")
        }

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing * 2

            Text {
                objectName: "nurseConfirmQuestion"
                text: panel.confirming === "end"
                      ? qsTr("End this session now? The patient's timer stops.")
                      : qsTr("Reset for the next patient? This ends the session and puts music, language, rest mode and the clock back to this room's defaults. Open calls and requests it closes as handled in the room: %1.").arg(panel.desk.openCallCount)
                color: Theme.text
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Theme.spacing
                BigButton {
                    objectName: "nurseConfirmYes"
                    text: panel.confirming === "end" ? qsTr("Yes, end the session")
                                                     : qsTr("Yes, reset")
                    onClicked: {
                        const action = panel.confirming
                        panel.confirming = ""
                        if (action === "end")
                            panel.session.endSession()
                        else
                            panel.desk.resetForNextPatient()
                    }
                }
                BigButton {
                    objectName: "nurseConfirmNo"
                    text: qsTr("No, go back")
                    onClicked: panel.confirming = ""
                }
            }
            Item { Layout.fillHeight: true }
        }
    }
}
