import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The nurse's PIN pad, opened by holding the room name. Large keys for gloved hands; the
// digits typed show only as dots. Everything it says comes from the NurseAccess backend.
Rectangle {
    id: pad
    required property var nurse

    objectName: "nursePinPad"
    color: Theme.background
    visible: pad.nurse.padOpen

    // Touches here never reach the patient's screen beneath.
    MouseArea {
        objectName: "nursePinPadBackdrop"
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        Accessible.name: qsTr("Nurse PIN pad")
    }

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing * 2

        ColumnLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true

            Text {
                text: qsTr("Nurse PIN")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                Layout.fillWidth: true
            }
            Text {
                objectName: "nursePinStatus"
                text: pad.nurse.statusText
                color: Theme.text
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Text {
                objectName: "nursePinDots"
                visible: pad.nurse.pinConfigured
                text: pad.nurse.enteredCount > 0 ? "\u25CF ".repeat(pad.nurse.enteredCount).trim()
                                                 : qsTr("No digits yet")
                color: Theme.text
                font.pixelSize: pad.nurse.enteredCount > 0 ? Theme.fontHuge : Theme.fontBody
                Layout.fillWidth: true
            }
            Item { Layout.fillHeight: true }
            BigButton {
                objectName: "nursePinCancel"
                text: qsTr("Cancel")
                Accessible.name: qsTr("Close the PIN pad")
                onClicked: pad.nurse.cancel()
            }
        }

        GridLayout {
            objectName: "nursePinKeys"
            visible: pad.nurse.pinConfigured
            columns: 3
            rowSpacing: Math.round(Theme.spacing / 2)
            columnSpacing: Math.round(Theme.spacing / 2)
            Layout.alignment: Qt.AlignTop

            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
                BigButton {
                    required property string modelData
                    objectName: "nursePinKey" + modelData
                    text: modelData
                    fontSize: Theme.fontTitle
                    enabled: pad.nurse.canType
                    onClicked: pad.nurse.pressDigit(modelData)
                }
            }
            BigButton {
                objectName: "nursePinErase"
                text: qsTr("Erase")
                Accessible.name: qsTr("Erase the last digit")
                enabled: pad.nurse.canType && pad.nurse.enteredCount > 0
                onClicked: pad.nurse.eraseDigit()
            }
            BigButton {
                objectName: "nursePinKey0"
                text: "0"
                fontSize: Theme.fontTitle
                enabled: pad.nurse.canType
                onClicked: pad.nurse.pressDigit("0")
            }
            BigButton {
                objectName: "nursePinOk"
                text: qsTr("OK")
                Accessible.name: qsTr("Check the PIN")
                enabled: pad.nurse.canType && pad.nurse.enteredCount > 0
                onClicked: pad.nurse.submit()
            }
        }
    }
}
