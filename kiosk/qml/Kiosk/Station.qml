import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The nurse station: open calls (most pressing first, largest) with "On my way" and "Resolved",
// and every room's tablet, session phase and time left. Dark and calm, readable from 2 m.
Window {
    id: window
    required property var station

    objectName: "stationWindow"
    title: window.station.title
    color: Theme.background
    visible: true

    Binding {
        target: Theme
        property: "scale"
        value: Math.max(1.0, Math.min(window.width / 1280, window.height / 800))
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            id: header
            Layout.fillWidth: true
            // Keeps its height when the silence button comes and goes: nothing jumps.
            Layout.preferredHeight: Theme.minTarget
            spacing: Theme.spacing

            Text {
                objectName: "stationTitle"
                text: window.station.title
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            BigButton {
                objectName: "silenceButton"
                text: qsTr("Silence chime")
                Accessible.name: qsTr("Silence the chime. Calls stay on the screen.")
                visible: window.station.chiming
                onClicked: window.station.silence()
            }
        }

        Notice {
            objectName: "brokerBanner"
            shown: !window.station.connected
            text: window.station.linkProblem !== ""
                  ? qsTr("This station cannot connect: %1. New calls cannot reach this screen.")
                        .arg(window.station.linkProblem)
                  : qsTr("Not connected to the broker. New calls cannot reach this screen.")
        }

        Notice {
            objectName: "chimeBanner"
            shown: window.station.chimeProblem !== ""
            text: qsTr("The chime cannot sound. Watch this screen for new calls.")
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing * 2

            Flickable {
                id: callList
                objectName: "callList"
                Layout.fillHeight: true
                Layout.fillWidth: true
                contentHeight: callColumn.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds

                Column {
                    id: callColumn
                    width: callList.width
                    spacing: Theme.spacing

                    Repeater {
                        model: window.station.notices
                        delegate: InfusionNotice {
                            required property var modelData
                            notice: modelData
                            width: callColumn.width
                            onSeen: window.station.dismissNotice(modelData.roomId)
                        }
                    }

                    Text {
                        objectName: "noCalls"
                        visible: window.station.calls.length === 0
                        text: qsTr("No open calls.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontBody
                    }

                    Repeater {
                        model: window.station.calls
                        delegate: CallCard {
                            required property var modelData
                            call: modelData
                            width: callColumn.width
                            onAcknowledge: window.station.acknowledge(modelData.callId)
                            onResolve: window.station.resolve(modelData.callId)
                        }
                    }
                }
            }

            Flickable {
                id: roomList
                objectName: "roomGrid"
                Layout.fillHeight: true
                Layout.preferredWidth: Math.round(440 * Theme.scale)
                contentHeight: roomGrid.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds

                GridLayout {
                    id: roomGrid
                    width: roomList.width
                    columns: width > 700 * Theme.scale ? 2 : 1
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing

                    Repeater {
                        model: window.station.rooms
                        delegate: RoomTile {
                            required property var modelData
                            room: modelData
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }
    }

    // A plain warning strip: warm, never red, never blinking.
    component Notice: Rectangle {
        id: notice
        property bool shown: false
        property alias text: label.text
        Layout.fillWidth: true
        implicitHeight: label.implicitHeight + Theme.spacing * 2
        radius: Theme.radius
        color: Theme.call
        visible: opacity > 0
        opacity: shown ? 1 : 0
        Behavior on opacity { NumberAnimation { duration: Theme.fadeMs } }

        Text {
            id: label
            anchors.fill: parent
            anchors.margins: Theme.spacing
            color: Theme.callText
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            verticalAlignment: Text.AlignVCenter
        }
    }

    // A room whose infusion time is complete: the nurse may need to stop the pump. Stays until
    // a nurse marks it seen; it is not a call and needs no "on my way".
    component InfusionNotice: Rectangle {
        id: info
        property var notice
        signal seen()

        objectName: "infusionNotice_" + notice.roomId
        implicitHeight: noticeRow.implicitHeight + Theme.spacing * 2
        radius: Theme.radius
        color: Theme.surface
        // A cool outline: news for the nurse, not a call (calls are warm).
        border.width: 3
        border.color: Theme.focusRing

        RowLayout {
            id: noticeRow
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing

            Column {
                Layout.fillWidth: true
                spacing: Math.round(Theme.spacing / 2)
                Text {
                    width: parent.width
                    text: info.notice.text
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                }
                Text {
                    text: info.notice.ageText
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }
            BigButton {
                objectName: "noticeSeen_" + info.notice.roomId
                text: qsTr("Seen")
                Accessible.name: qsTr("Seen: %1").arg(info.notice.text)
                Layout.preferredWidth: Math.round(Theme.minTarget * 1.6)
                onClicked: info.seen()
            }
        }
    }

    // One open call. Urgent and overdue calls are taller and carry a warm badge.
    component CallCard: Rectangle {
        id: card
        property var call
        signal acknowledge()
        signal resolve()

        objectName: "callCard_" + call.callId
        implicitHeight: cardRow.implicitHeight + Theme.spacing * (call.prominent ? 3 : 2)
        radius: Theme.radius
        color: Theme.surface
        border.width: call.prominent ? 4 : 0
        border.color: Theme.call

        RowLayout {
            id: cardRow
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing

            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 0
                Layout.minimumWidth: 0
                spacing: Math.round(Theme.spacing / 2)

                Text {
                    objectName: "callRoom_" + card.call.callId
                    text: card.call.roomName
                    color: Theme.text
                    font.pixelSize: card.call.prominent ? Theme.fontHuge : Theme.fontTitle
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Text {
                    text: card.call.summaryText
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Rectangle {
                        visible: card.call.stateKey === "overdue" || card.call.stateKey === "new"
                        color: Theme.call
                        radius: Math.round(Theme.radius / 2)
                        implicitWidth: badge.implicitWidth + Theme.spacing
                        implicitHeight: badge.implicitHeight + Math.round(Theme.spacing / 2)
                        Text {
                            id: badge
                            anchors.centerIn: parent
                            text: card.call.stateText
                            color: Theme.callText
                            font.pixelSize: Theme.fontSmall
                            font.weight: Font.DemiBold
                        }
                    }
                    Text {
                        visible: card.call.stateKey !== "overdue" && card.call.stateKey !== "new"
                        text: card.call.stateText
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    Text {
                        text: card.call.ageText
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }

            BigButton {
                objectName: "ackButton_" + card.call.callId
                text: qsTr("On my way")
                Accessible.name: qsTr("On my way to %1").arg(card.call.roomName)
                visible: !card.call.acknowledged
                fill: Theme.call
                ink: Theme.callText
                Layout.preferredWidth: Math.round(Theme.minTarget * 1.6)
                onClicked: card.acknowledge()
            }
            BigButton {
                objectName: "resolveButton_" + card.call.callId
                text: qsTr("Resolved")
                Accessible.name: qsTr("Resolved: clear the call from %1").arg(card.call.roomName)
                Layout.preferredWidth: Math.round(Theme.minTarget * 1.6)
                onClicked: card.resolve()
            }
        }
    }

    // One room: its tablet, its session phase and time left, its open calls.
    component RoomTile: Rectangle {
        id: tile
        property var room

        objectName: "roomTile_" + room.roomId
        implicitHeight: tileColumn.implicitHeight + Theme.spacing * 2
        radius: Theme.radius
        color: Theme.surface
        border.width: room.offline ? 4 : 0
        border.color: Theme.call

        ColumnLayout {
            id: tileColumn
            anchors { left: parent.left; right: parent.right; top: parent.top }
            anchors.margins: Theme.spacing
            spacing: Math.round(Theme.spacing / 3)

            Text {
                text: tile.room.name
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Rectangle {
                visible: tile.room.offline
                color: Theme.call
                radius: Math.round(Theme.radius / 2)
                Layout.fillWidth: true
                implicitHeight: offlineText.implicitHeight + Math.round(Theme.spacing / 2)
                Text {
                    id: offlineText
                    objectName: "presence_" + tile.room.roomId
                    anchors.fill: parent
                    anchors.leftMargin: Math.round(Theme.spacing / 2)
                    verticalAlignment: Text.AlignVCenter
                    text: tile.room.presenceText
                    color: Theme.callText
                    font.pixelSize: Theme.fontSmall
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                }
            }
            Text {
                visible: !tile.room.offline
                text: tile.room.presenceText
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Text {
                text: tile.room.timeLeftText === "" ? tile.room.phaseText
                      : tile.room.phaseText + ", " + tile.room.timeLeftText
                color: Theme.text
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Text {
                text: tile.room.openCallsText
                color: tile.room.openCalls > 0 ? Theme.text : Theme.textMuted
                font.pixelSize: Theme.fontSmall
                font.weight: tile.room.openCalls > 0 ? Font.DemiBold : Font.Normal
                Layout.fillWidth: true
            }
        }
    }
}
