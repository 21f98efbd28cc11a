import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The nurse's controls for this room's session. Reached only through room.openNursePanel(), where
// the PIN guard stands (hold the room name for 3 seconds). Large steps and few words: the nurse
// is busy and may wear gloves. It closes by itself after a quiet spell.
Item {
    id: panel
    objectName: "nursePanel"
    required property var session
    required property var room

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: column
            width: parent.width
            spacing: Theme.spacing

            RowLayout {
                spacing: Theme.spacing
                Layout.fillWidth: true
                Text {
                    text: qsTr("Nurse controls")
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    Layout.fillWidth: true
                }
                BigButton {
                    objectName: "nurseBackButton"
                    text: qsTr("Back")
                    Accessible.name: qsTr("Back to the patient screen")
                    onClicked: panel.room.show("home")
                }
            }

            Text {
                objectName: "nurseChangePinNote"
                visible: panel.room.nurse.demoPin
                text: qsTr("This tablet uses the demo PIN: change this PIN (python main.py "
                           + "hash-pin, then nurse.pin_hash in config/clinic.yaml).")
                color: Theme.urgent
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

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
                    onClicked: panel.session.endSession()
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

                BigButton {
                    objectName: "nurseStartButton"
                    text: qsTr("Start %1").arg(panel.session.chosenTemplateName)
                    enabled: panel.session.chosenTemplateId.length > 0
                    onClicked: panel.session.startChosen()
                }
            }

            BigButton {
                objectName: "nurseResetButton"
                text: qsTr("Reset for next patient")
                Accessible.description: qsTr("Clears this room's session and choices.")
                onClicked: panel.session.reset()
            }

            Text {
                text: qsTr("A tablet call supplements the wired nurse call.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Text {
                text: qsTr("Sample content: the clinic's medical lead must review it.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
}
