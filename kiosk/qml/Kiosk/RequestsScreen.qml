import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Large choices from the clinic's list, then the open requests with a way to take each back.
// An urgent call is listed too, without "Cancel": a nurse clears it. Choices that mean something
// is wrong (priority "high": feeling sick, anxious, the IV) carry a coral edge and a warning mark,
// so they never look as casual as water.
Item {
    id: screen
    required property var room
    required property var calls

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Text {
            objectName: "requestsTitle"
            text: screen.calls.noStationOnline ? screen.calls.noStationText
                                               : qsTr("What do you need?")
            color: Theme.text
            font.pixelSize: screen.calls.noStationOnline ? Theme.fontBody : Theme.fontTitle
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        // Back takes the last cell of the grid: the screen is too short for a row of its own
        // above both the choices and the open requests.
        GridLayout {
            objectName: "requestChoices"
            columns: 4
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Layout.fillWidth: true

            Repeater {
                model: screen.calls.choices
                delegate: BigButton {
                    required property var modelData
                    readonly property bool serious: modelData.priority === "high"
                    objectName: "requestChoice_" + modelData.id
                    text: modelData.label
                    fontSize: Theme.fontSmall
                    edge: serious ? Theme.urgent : Theme.controlEdge
                    edgeWidth: serious ? Math.round(5 * Theme.scale) : 2
                    // Room for the mark in the corner, on both sides so the words stay centred.
                    leftPadding: serious ? Theme.fontSmall + Theme.spacing / 2 : Theme.spacing / 2
                    rightPadding: leftPadding
                    Accessible.description: serious ? qsTr("Tells the nurse something is wrong")
                                                    : ""

                    Text {
                        objectName: "requestUrgentMark"
                        visible: parent.serious && Theme.iconsAvailable
                        anchors { top: parent.top; right: parent.right; margins: Theme.spacing / 3 }
                        text: "\ue8b2"
                        color: Theme.urgent
                        font.family: Theme.iconFont
                        font.pixelSize: Theme.fontSmall
                        Accessible.ignored: true
                    }
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.preferredHeight: Theme.minTarget
                    onClicked: screen.calls.request(modelData.id)
                }
            }
            BigButton {
                objectName: "requestsBackButton"
                text: qsTr("Back")
                fill: Theme.surface
                Accessible.description: qsTr("Back to the main screen")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: Theme.minTarget
                onClicked: screen.room.show("home")
            }
        }

        ListView {
            id: openList
            objectName: "openRequests"
            model: screen.calls.requests
            clip: true
            spacing: Theme.spacing / 2
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true

            delegate: Rectangle {
                required property var modelData
                // The urgent call, or a request whose reason the clinic marks "high".
                readonly property bool serious: modelData.urgent
                    || screen.calls.choices.some(c => c.id === modelData.reason
                                                      && c.priority === "high")
                objectName: "openRequest_" + modelData.id
                width: ListView.view.width
                height: Math.max(Theme.minTarget, texts.implicitHeight + Theme.spacing)
                radius: Theme.radius
                color: Theme.surface
                border.color: serious ? Theme.urgent : Theme.border
                border.width: serious ? Math.round(5 * Theme.scale) : 1

                Column {
                    id: texts
                    anchors {
                        left: parent.left; right: cancel.left; verticalCenter: parent.verticalCenter
                        leftMargin: Theme.margin; rightMargin: Theme.spacing
                    }
                    Text {
                        width: parent.width
                        text: modelData.label
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    Text {
                        width: parent.width
                        text: modelData.stateText
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                    }
                }
                BigButton {
                    id: cancel
                    objectName: "cancelRequest_" + modelData.id
                    anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                    visible: modelData.cancellable
                    width: modelData.cancellable ? implicitWidth : 0
                    text: qsTr("Cancel")
                    Accessible.name: qsTr("Cancel %1").arg(modelData.label)
                    onClicked: screen.calls.cancelRequest(modelData.id)
                }
            }
        }
    }
}
