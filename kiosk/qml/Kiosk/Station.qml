import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The nurse station, for a busy nurse from three metres. Left: one row per open call, most
// pressing first, with "Resolved" (undoable for a few seconds) well away from "On my way";
// notices ("infusion time complete") come after the calls and never push one off screen.
// Right: the counts, then every chair as a compact tile, silent tablets first. Sizes are fixed:
// a larger screen shows more rows and tiles, not bigger ones. Whatever does not fit scrolls with
// a cue that says how much is below.
Window {
    id: window
    required property var station

    objectName: "stationWindow"
    title: window.station.title
    color: Theme.background
    visible: true

    readonly property int callColumnWidth: Math.min(620, Math.max(430, Math.round(width * 0.34)))

    RowLayout {
        anchors.fill: parent
        anchors.margins: StationStyle.margin
        spacing: StationStyle.margin

        // ---- calls ----
        ColumnLayout {
            Layout.preferredWidth: window.callColumnWidth
            Layout.maximumWidth: window.callColumnWidth
            Layout.fillHeight: true
            spacing: StationStyle.gap

            Text {
                objectName: "stationTitle"
                text: window.station.title
                color: Theme.text
                font.family: StationStyle.family
                font.pixelSize: StationStyle.fontName
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Layout.fillWidth: true
                Layout.preferredHeight: StationStyle.cueHeight
                verticalAlignment: Text.AlignVCenter
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

            ListView {
                id: callList
                objectName: "callList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: StationStyle.gap
                boundsBehavior: Flickable.StopAtBounds
                // Rows are made when they come into sight, not ahead in the background: a row
                // made ahead for a call that is resolved meanwhile would only be thrown away.
                cacheBuffer: 0
                model: window.station.callModel

                readonly property int pitch: StationStyle.rowHeight + StationStyle.gap
                readonly property real headerHeight: headerItem ? headerItem.height : 0
                // Calls not wholly on screen below the last whole row.
                readonly property int callsBelow: {
                    const seen = Math.floor((contentY - originY + height - headerHeight
                                             + StationStyle.gap) / pitch)
                    return Math.max(0, Math.min(count, count - seen))
                }
                readonly property bool noticesBelow: window.station.noticeModel.count > 0
                    && footerItem !== null
                    && contentY - originY + height < contentHeight - 1

                header: Text {
                    objectName: "noCalls"
                    width: ListView.view.width
                    height: visible ? implicitHeight + StationStyle.gap : 0
                    visible: window.station.callModel.count === 0
                    text: qsTr("No open calls.")
                    color: Theme.textMuted
                    font.family: StationStyle.family
                    font.pixelSize: StationStyle.font
                }

                delegate: CallRow {
                    width: ListView.view.width
                }

                footer: Column {
                    width: ListView.view.width
                    topPadding: window.station.noticeModel.count > 0 ? StationStyle.gap : 0
                    spacing: StationStyle.gap
                    Repeater {
                        model: window.station.noticeModel
                        delegate: InfusionNotice { width: parent ? parent.width : 0 }
                    }
                }
            }

            MoreBelow {
                objectName: "callsMoreBelow"
                Layout.fillWidth: true
                text: callList.callsBelow === 1 ? qsTr("1 more call below")
                      : callList.callsBelow > 1
                        ? qsTr("%1 more calls below").arg(callList.callsBelow)
                      : callList.noticesBelow ? qsTr("Notices below") : ""
            }
        }

        // ---- counts and chairs ----
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: StationStyle.gap

            RowLayout {
                id: header
                Layout.fillWidth: true
                Layout.fillHeight: false
                Layout.preferredHeight: StationStyle.headerHeight
                Layout.maximumHeight: StationStyle.headerHeight
                spacing: StationStyle.gap

                Count {
                    objectName: "openCount"
                    value: window.station.openCount
                    label: value === 1 ? qsTr("open call") : qsTr("open calls")
                    // The colour of the most pressing call still waiting for "on my way".
                    key: window.station.waitingUrgency
                }
                Count {
                    objectName: "overdueCount"
                    value: window.station.overdueCount
                    label: qsTr("overdue")
                    key: value > 0 ? "urgent" : ""
                }
                Count {
                    objectName: "silentCount"
                    value: window.station.silentCount
                    label: value === 1 ? qsTr("silent tablet") : qsTr("silent tablets")
                    key: value > 0 ? "silent" : ""
                }
                // Keeps its place when the chime stops: nothing jumps.
                Item {
                    Layout.preferredWidth: Theme.minTarget
                    Layout.fillHeight: true
                    BigButton {
                        objectName: "silenceButton"
                        anchors.fill: parent
                        text: qsTr("Silence")
                        fontSize: StationStyle.font
                        Accessible.name: qsTr("Silence the chime. Calls stay on the screen.")
                        visible: window.station.chiming
                        onClicked: window.station.silence()
                    }
                }
                BigButton {
                    objectName: "todayButton"
                    text: qsTr("Today")
                    fontSize: StationStyle.font
                    Accessible.name: qsTr("Today: response times")
                    visible: window.station.responseTimes !== null
                    Layout.preferredWidth: Theme.minTarget
                    Layout.fillHeight: true
                    onClicked: window.station.openToday()
                }
            }

            Item {
                id: gridArea
                Layout.fillWidth: true
                Layout.fillHeight: true

                readonly property int columns: Math.max(1, Math.floor(
                    (width + StationStyle.gap) / (StationStyle.tileWidth + StationStyle.gap)))
                readonly property int cellHeight: StationStyle.tileHeight + StationStyle.gap
                readonly property int rowsFit: Math.max(1, Math.floor(
                    (height + StationStyle.gap) / cellHeight))
                readonly property bool overflow:
                    window.station.roomModel.count > rowsFit * columns

                GridView {
                    id: roomGrid
                    objectName: "roomGrid"
                    anchors { left: parent.left; right: parent.right; top: parent.top }
                    height: gridArea.overflow
                            ? parent.height - StationStyle.cueHeight - StationStyle.gap
                            : parent.height
                    clip: true
                    boundsBehavior: Flickable.StopAtBounds
                    cellWidth: Math.floor(width / gridArea.columns)
                    cellHeight: gridArea.cellHeight
                    model: window.station.roomModel
                    delegate: RoomTile {}

                    readonly property int roomsBelow: {
                        const rows = Math.floor((contentY - originY + height + StationStyle.gap)
                                                / cellHeight)
                        return Math.max(0, count - rows * gridArea.columns)
                    }
                    readonly property int roomsAbove:
                        Math.min(count, Math.ceil((contentY - originY) / cellHeight - 0.01)
                                        * gridArea.columns)
                }

                MoreBelow {
                    objectName: "roomsMoreBelow"
                    anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                    visible: gridArea.overflow
                    text: roomGrid.roomsBelow === 1 ? qsTr("1 more room below")
                          : roomGrid.roomsBelow > 1
                            ? qsTr("%1 more rooms below").arg(roomGrid.roomsBelow)
                          : roomGrid.roomsAbove > 0
                            ? qsTr("%1 more rooms above").arg(roomGrid.roomsAbove) : ""
                }
            }
        }
    }

    StationToday {
        anchors.fill: parent
        times: window.station.responseTimes
        shown: window.station.todayOpen
        onClosed: window.station.closeToday()
    }

    // ---- parts ----

    // A plain warning strip: warm, never red, never blinking.
    component Notice: Rectangle {
        id: notice
        property bool shown: false
        property alias text: label.text
        Layout.fillWidth: true
        implicitHeight: label.implicitHeight + StationStyle.gap * 2
        radius: Theme.radius / 2
        color: StationStyle.fill("high")
        visible: shown

        Text {
            id: label
            anchors.fill: parent
            anchors.margins: StationStyle.gap
            color: StationStyle.ink("high")
            font.family: StationStyle.family
            font.pixelSize: StationStyle.font
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            verticalAlignment: Text.AlignVCenter
        }
    }

    // "3 more calls below": says that a list goes on, and how far.
    component MoreBelow: Text {
        Layout.preferredHeight: StationStyle.cueHeight
        height: StationStyle.cueHeight
        color: Theme.text
        font.family: StationStyle.family
        font.pixelSize: StationStyle.font
        font.weight: Font.DemiBold
        verticalAlignment: Text.AlignVCenter
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
    }

    // One header count: a big number and its word, filled when it needs attention.
    component Count: Rectangle {
        id: count
        property int value: 0
        property string label: ""
        property string key: ""
        Layout.fillWidth: true
        Layout.fillHeight: true
        radius: Theme.radius / 2
        color: key === "" ? Theme.surface : StationStyle.fill(key)

        RowLayout {
            anchors.fill: parent
            anchors.margins: StationStyle.gap * 2
            spacing: StationStyle.gap * 2
            Text {
                objectName: count.objectName + "Value"
                text: count.value < 0 ? "?" : count.value
                color: count.key === "" ? Theme.text : StationStyle.ink(count.key)
                font.family: StationStyle.family
                font.pixelSize: StationStyle.fontCount
                font.weight: Font.Bold
            }
            Text {
                text: count.label
                color: count.key === "" ? Theme.textMuted : StationStyle.ink(count.key)
                font.family: StationStyle.family
                font.pixelSize: StationStyle.font
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
    }

    // An icon in the Material Icons font (or a plain character without it).
    component Glyph: Text {
        property string key: ""
        text: StationStyle.glyph(key)
        font.family: Theme.iconsAvailable ? Theme.iconFont : StationStyle.family
        font.pixelSize: StationStyle.iconSize
        font.weight: Theme.iconsAvailable ? Font.Normal : Font.Bold
        verticalAlignment: Text.AlignVCenter
        horizontalAlignment: Text.AlignHCenter
    }

    // A room whose infusion time is complete: the nurse may need to stop the pump. Stays until
    // a nurse marks it seen; it is information, not a call, and needs no "on my way".
    component InfusionNotice: Rectangle {
        id: info
        required property string roomId
        required property string text
        required property string ageText

        objectName: "infusionNotice_" + roomId
        implicitHeight: StationStyle.rowHeight
        radius: Theme.radius / 2
        color: Theme.surface
        border.width: 3
        border.color: StationStyle.fill("info")

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: StationStyle.gap * 2
            spacing: StationStyle.gap * 2

            Rectangle {
                Layout.preferredWidth: StationStyle.iconSize + StationStyle.gap * 2
                Layout.preferredHeight: Layout.preferredWidth
                radius: width / 2
                color: StationStyle.fill("info")
                Glyph { anchors.fill: parent; key: "info"; color: StationStyle.ink("info") }
            }
            Column {
                Layout.fillWidth: true
                spacing: 2
                Text {
                    width: parent.width
                    text: info.text
                    color: Theme.text
                    font.family: StationStyle.family
                    font.pixelSize: StationStyle.font
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
                Text {
                    text: info.ageText
                    color: Theme.textMuted
                    font.family: StationStyle.family
                    font.pixelSize: StationStyle.font
                }
            }
            BigButton {
                objectName: "noticeSeen_" + info.roomId
                text: qsTr("Seen")
                fontSize: StationStyle.font
                Accessible.name: qsTr("Seen: %1").arg(info.text)
                Layout.preferredWidth: Theme.minTarget
                Layout.fillHeight: true
                onClicked: window.station.dismissNotice(info.roomId)
            }
        }
    }

    // One open call on one row: "Resolved" at the left edge (replaced by "Undo" for a few
    // seconds after a press), the room, reason, age and state in the middle, "On my way" at the
    // right edge. Urgent and overdue calls get a border in their colour and a larger name.
    component CallRow: Rectangle {
        id: row
        required property string callId
        required property string roomName
        required property string reasonText
        required property string ageText
        required property string stateKey
        required property string stateText
        required property string stateShort
        required property string urgency
        required property bool acknowledged
        required property bool prominent
        required property bool resolving

        readonly property string look: resolving ? "" : acknowledged ? "on_the_way" : urgency

        objectName: "callCard_" + callId
        implicitHeight: StationStyle.rowHeight
        radius: Theme.radius / 2
        color: Theme.surface
        border.width: prominent && !resolving ? 4 : 0
        border.color: StationStyle.fill(urgency)

        RowLayout {
            anchors.fill: parent
            spacing: StationStyle.gap

            Item {
                Layout.preferredWidth: Theme.minTarget
                Layout.fillHeight: true
                BigButton {
                    objectName: "resolveButton_" + row.callId
                    anchors.fill: parent
                    visible: !row.resolving
                    text: qsTr("Resolved")
                    fontSize: StationStyle.font
                    Accessible.name: qsTr("Resolved: clear the call from %1").arg(row.roomName)
                    onClicked: window.station.resolve(row.callId)
                }
                BigButton {
                    objectName: "undoButton_" + row.callId
                    anchors.fill: parent
                    visible: row.resolving
                    text: qsTr("Undo")
                    fontSize: StationStyle.font
                    fill: Theme.text
                    ink: Theme.background
                    Accessible.name: qsTr("Undo: keep the call from %1 open").arg(row.roomName)
                    onClicked: window.station.undoResolve(row.callId)
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 0
                Layout.topMargin: StationStyle.gap
                Layout.bottomMargin: StationStyle.gap
                spacing: 0

                RowLayout {
                    Layout.fillWidth: true
                    spacing: StationStyle.gap
                    Rectangle {
                        objectName: "callBadge_" + row.callId
                        Layout.preferredWidth: StationStyle.iconSize + StationStyle.gap
                        Layout.preferredHeight: Layout.preferredWidth
                        radius: Theme.radius / 3
                        color: row.look === "" ? Theme.surfaceRaised : StationStyle.fill(row.look)
                        Glyph {
                            anchors.fill: parent
                            key: row.look === "" ? "complete" : row.look
                            color: row.look === "" ? Theme.text : StationStyle.ink(row.look)
                        }
                    }
                    Text {
                        objectName: "callRoom_" + row.callId
                        text: row.roomName
                        color: Theme.text
                        font.family: StationStyle.family
                        font.pixelSize: row.prominent ? StationStyle.fontProminent
                                                      : StationStyle.fontName
                        font.weight: Font.Bold
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
                Text {
                    text: row.reasonText
                    color: Theme.text
                    font.family: StationStyle.family
                    font.pixelSize: StationStyle.font
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: StationStyle.gap
                    Text {
                        text: row.ageText
                        color: Theme.textMuted
                        font.family: StationStyle.family
                        font.pixelSize: StationStyle.font
                    }
                    Rectangle {
                        readonly property bool marked: row.stateKey === "overdue"
                                                       || row.stateKey === "new"
                        Layout.fillWidth: true
                        implicitHeight: stateLabel.implicitHeight
                        radius: 4
                        color: marked ? StationStyle.fill(row.stateKey === "overdue"
                                                          ? "urgent" : row.urgency)
                                      : Theme.surface
                        Text {
                            id: stateLabel
                            objectName: "callState_" + row.callId
                            anchors.fill: parent
                            anchors.leftMargin: parent.marked ? 4 : 0
                            text: row.stateShort
                            color: parent.marked
                                   ? StationStyle.ink(row.stateKey === "overdue" ? "urgent"
                                                                                : row.urgency)
                                   : Theme.textMuted
                            font.family: StationStyle.family
                            font.pixelSize: StationStyle.font
                            font.weight: parent.marked ? Font.DemiBold : Font.Normal
                            elide: Text.ElideRight
                        }
                    }
                }
            }

            Item {
                Layout.preferredWidth: Theme.minTarget
                Layout.fillHeight: true
                BigButton {
                    objectName: "ackButton_" + row.callId
                    anchors.fill: parent
                    visible: !row.acknowledged && !row.resolving
                    text: qsTr("On my way")
                    fontSize: StationStyle.font
                    fill: StationStyle.fill(row.urgency)
                    ink: StationStyle.ink(row.urgency)
                    Accessible.name: qsTr("On my way to %1").arg(row.roomName)
                    onClicked: window.station.acknowledge(row.callId)
                }
            }
        }
    }

    // One chair: its name, its state by colour, icon and word, and its time left.
    component RoomTile: Item {
        id: tile
        required property string roomId
        required property string name
        required property string tileState
        required property string tileWord
        required property string tileTime
        required property string presenceText

        objectName: "roomTile_" + roomId
        width: GridView.view.cellWidth
        height: GridView.view.cellHeight
        Accessible.name: name + ": " + tileWord + " " + tileTime

        Rectangle {
            id: face
            objectName: "tileFace_" + tile.roomId
            width: parent.width - StationStyle.gap
            height: parent.height - StationStyle.gap
            radius: Theme.radius / 3
            color: StationStyle.fill(tile.tileState)
            border.width: tile.tileState === "unknown" || tile.tileState === "idle"
                          || tile.tileState === "not_seen" ? 0 : 2
            border.color: Theme.border
            readonly property color ink: tile.tileState === "unknown"
                                         || tile.tileState === "idle"
                                         || tile.tileState === "not_seen"
                                         ? Theme.textMuted : StationStyle.ink(tile.tileState)

            ColumnLayout {
                anchors.fill: parent
                anchors.leftMargin: 4
                anchors.rightMargin: 4
                spacing: 0
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 3
                    Glyph {
                        key: tile.tileState
                        color: face.ink
                        visible: text !== ""
                        font.pixelSize: StationStyle.font
                        Layout.preferredWidth: StationStyle.font
                    }
                    Text {
                        objectName: "tileName_" + tile.roomId
                        text: tile.name
                        color: face.ink
                        font.family: StationStyle.family
                        font.pixelSize: StationStyle.font
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 4
                    Text {
                        objectName: "presence_" + tile.roomId
                        text: tile.tileWord
                        color: face.ink
                        font.family: StationStyle.family
                        font.pixelSize: StationStyle.font
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Text {
                        objectName: "tileTime_" + tile.roomId
                        text: tile.tileTime
                        visible: text !== ""
                        color: face.ink
                        font.family: StationStyle.family
                        font.pixelSize: StationStyle.font
                        font.weight: Font.DemiBold
                    }
                }
            }
        }
    }
}
