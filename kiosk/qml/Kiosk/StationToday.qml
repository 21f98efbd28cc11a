import QtQuick
import QtQuick.Layouts

// "Today": how long calls waited for an "on my way" and for "resolved", per hour, drawn with a
// Canvas (no plotting library). A filled bar is the median (half the calls were answered
// faster); the outline around it reaches the 90th percentile (9 in 10 were faster).
Rectangle {
    id: today
    property var times: null
    property bool shown: false
    signal closed()

    objectName: "todayView"
    visible: shown
    color: Theme.background

    readonly property var hours: times ? times.hours : []
    readonly property var summary: times ? times.summary : ({})
    readonly property color ackColour: StationStyle.fill("normal")
    readonly property color resolveColour: StationStyle.fill("on_the_way")

    onShownChanged: if (shown) chart.requestPaint()

    function duration(seconds) {
        if (seconds === undefined || seconds < 0)
            return qsTr("no data")
        if (seconds < 90)
            return qsTr("%1 s").arg(Math.round(seconds))
        return qsTr("%1 min").arg(Math.round(seconds / 60))
    }

    // A round top for the chart's scale, in minutes.
    readonly property int scaleMinutes: {
        let top = 0
        for (const h of hours)
            top = Math.max(top, h.ackP90Seconds, h.resolveP90Seconds,
                           h.ackMedianSeconds, h.resolveMedianSeconds)
        const minutes = top / 60
        for (const nice of [1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 240])
            if (minutes <= nice)
                return nice
        return Math.ceil(minutes / 60) * 60
    }

    // Clicks do not fall through to the board underneath.
    MouseArea {
        objectName: "todayBlocker"
        anchors.fill: parent
        enabled: today.visible
        Accessible.name: qsTr("Today: response times")
    }

    Connections {
        target: today.times
        ignoreUnknownSignals: true
        function onHoursChanged() { chart.requestPaint() }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: StationStyle.margin * 2
        spacing: StationStyle.gap * 2

        RowLayout {
            Layout.fillWidth: true
            spacing: StationStyle.gap * 2
            ColumnLayout {
                Layout.fillWidth: true
                spacing: StationStyle.gap
                Text {
                    objectName: "todayTitle"
                    text: qsTr("Today: %1 calls").arg(today.summary.calls !== undefined
                                                      ? today.summary.calls : 0)
                    color: Theme.text
                    font.family: StationStyle.family
                    font.pixelSize: StationStyle.fontProminent
                    font.weight: Font.Bold
                }
                Text {
                    objectName: "todayAck"
                    text: qsTr("On my way: half within %1, 9 in 10 within %2")
                          .arg(today.duration(today.summary.ackMedianSeconds))
                          .arg(today.duration(today.summary.ackP90Seconds))
                    color: Theme.text
                    font.family: StationStyle.family
                    font.pixelSize: StationStyle.font
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Text {
                    objectName: "todayResolve"
                    text: qsTr("Resolved: half within %1, 9 in 10 within %2")
                          .arg(today.duration(today.summary.resolveMedianSeconds))
                          .arg(today.duration(today.summary.resolveP90Seconds))
                    color: Theme.text
                    font.family: StationStyle.family
                    font.pixelSize: StationStyle.font
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
            BigButton {
                objectName: "todayClose"
                text: qsTr("Close")
                fontSize: StationStyle.font
                Accessible.name: qsTr("Close the response times")
                Layout.preferredWidth: Theme.minTarget
                Layout.preferredHeight: Theme.minTarget
                Layout.alignment: Qt.AlignTop
                onClicked: today.closed()
            }
        }

        RowLayout {
            spacing: StationStyle.gap * 3
            Legend { colour: today.ackColour; text: qsTr("Time to on my way") }
            Legend { colour: today.resolveColour; text: qsTr("Time to resolved") }
            Text {
                text: qsTr("Filled: half of calls were faster. Outline: 9 in 10.")
                color: Theme.textMuted
                font.family: StationStyle.family
                font.pixelSize: StationStyle.font
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            Text {
                id: topLabel
                objectName: "todayScale"
                anchors { left: parent.left; top: parent.top }
                text: qsTr("%1 min").arg(today.scaleMinutes)
                color: Theme.textMuted
                font.family: StationStyle.family
                font.pixelSize: StationStyle.font
            }
            Text {
                anchors { left: parent.left; bottom: hourLabels.top }
                text: "0"
                color: Theme.textMuted
                font.family: StationStyle.family
                font.pixelSize: StationStyle.font
            }

            Canvas {
                id: chart
                objectName: "todayChart"
                anchors {
                    left: parent.left; leftMargin: 90; right: parent.right
                    top: topLabel.verticalCenter; bottom: hourLabels.top
                    bottomMargin: StationStyle.gap
                }
                onWidthChanged: requestPaint()
                onHeightChanged: requestPaint()

                onPaint: {
                    const ctx = getContext("2d")
                    ctx.reset()
                    ctx.strokeStyle = Theme.border
                    ctx.lineWidth = 2
                    ctx.beginPath()
                    ctx.moveTo(0, height - 1)
                    ctx.lineTo(width, height - 1)
                    ctx.moveTo(0, 0)
                    ctx.lineTo(width, 0)
                    ctx.stroke()
                    const slot = width / 24
                    const bar = Math.max(2, slot * 0.36)
                    const full = today.scaleMinutes * 60
                    function y(seconds) { return height - height * Math.min(seconds, full) / full }
                    function draw(x, median, p90, colour) {
                        if (median >= 0) {
                            ctx.fillStyle = colour
                            ctx.fillRect(x, y(median), bar, height - y(median))
                        }
                        if (p90 >= 0) {
                            ctx.strokeStyle = colour
                            ctx.lineWidth = 2
                            ctx.strokeRect(x + 1, y(p90) + 1, bar - 2, height - y(p90) - 2)
                        }
                    }
                    for (const h of today.hours) {
                        const x = h.hour * slot + slot * 0.12
                        draw(x, h.ackMedianSeconds, h.ackP90Seconds, today.ackColour)
                        draw(x + bar + 2, h.resolveMedianSeconds, h.resolveP90Seconds,
                             today.resolveColour)
                    }
                }
            }

            Item {
                id: hourLabels
                anchors { left: chart.left; right: chart.right; bottom: parent.bottom }
                height: StationStyle.cueHeight
                Repeater {
                    model: 8
                    delegate: Text {
                        required property int index
                        x: index * 3 * hourLabels.width / 24
                        text: (index * 3 < 10 ? "0" : "") + index * 3 + ":00"
                        color: Theme.textMuted
                        font.family: StationStyle.family
                        font.pixelSize: StationStyle.font
                    }
                }
            }
        }
    }

    component Legend: Row {
        property color colour
        property alias text: legendText.text
        spacing: StationStyle.gap
        Rectangle {
            width: StationStyle.font; height: StationStyle.font
            anchors.verticalCenter: parent.verticalCenter
            color: parent.colour
        }
        Text {
            id: legendText
            color: Theme.text
            font.family: StationStyle.family
            font.pixelSize: StationStyle.font
        }
    }
}
