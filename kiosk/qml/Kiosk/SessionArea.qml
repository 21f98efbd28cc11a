import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The session card's content: a calm ring for the phase, its name and one line on how it may
// feel, the time left in this part and in the whole session (the patient may hide it), a soft
// note before the next phase and a playlist the patient may take or leave. All state lives in
// the session controller.
Item {
    id: area
    required property var session

    implicitWidth: Math.round(560 * Theme.scale)
    implicitHeight: Math.round(420 * Theme.scale)

    Text {
        objectName: "sessionNotStarted"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        visible: !area.session.active && !area.session.ended
        text: qsTr("Your nurse will start your session.")
        color: Theme.text
        font.pixelSize: Theme.fontBody
        wrapMode: Text.WordWrap
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        visible: area.session.active || area.session.ended

        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true

            Canvas {
                id: ring
                objectName: "sessionRing"
                readonly property real progress: area.session.ended ? 1.0
                                                                    : area.session.phaseProgress
                readonly property int lineWidth: Math.round(12 * Theme.scale)
                Layout.preferredWidth: Math.round(140 * Theme.scale)
                Layout.preferredHeight: Layout.preferredWidth
                Layout.alignment: Qt.AlignTop
                // Only a new progress value (every few seconds at most) repaints the ring.
                onProgressChanged: requestPaint()
                onPaint: {
                    const ctx = getContext("2d")
                    const r = (width - lineWidth) / 2
                    ctx.reset()
                    ctx.lineWidth = lineWidth
                    ctx.lineCap = "round"
                    ctx.strokeStyle = Theme.border
                    ctx.beginPath()
                    ctx.arc(width / 2, height / 2, r, 0, 2 * Math.PI)
                    ctx.stroke()
                    if (progress <= 0)
                        return
                    ctx.strokeStyle = Theme.textMuted
                    ctx.beginPath()
                    ctx.arc(width / 2, height / 2, r, -Math.PI / 2,
                            -Math.PI / 2 + 2 * Math.PI * progress)
                    ctx.stroke()
                }
            }

            ColumnLayout {
                spacing: Theme.spacing / 2
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop

                Text {
                    objectName: "sessionPhaseName"
                    text: area.session.ended ? qsTr("Your session time is over")
                                             : area.session.phaseName
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Text {
                    objectName: "sessionTimeLeft"
                    visible: text.length > 0
                    text: area.session.paused ? qsTr("Paused by your nurse")
                          : area.session.active && !area.session.clockHidden
                            ? area.session.minutesLeftText : ""
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }
        }

        // The whole visit as well as this part, so nobody takes the end of a part for the end
        // of the session.
        Text {
            objectName: "sessionTotalTimeLeft"
            visible: area.session.active && !area.session.paused && !area.session.clockHidden
                     && area.session.phaseCount > 1
            text: qsTr("Whole session: %1").arg(area.session.totalMinutesLeftText)
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        // Full width under the ring, so a narrow card still has room for the whole line. In the
        // last minutes of a phase the note on the next one takes its place.
        Text {
            objectName: "sessionPhaseDescription"
            visible: area.session.bannerText.length === 0
            text: area.session.ended ? qsTr("Rest here. Your nurse will come to you.")
                                     : area.session.phaseDescription
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            elide: Text.ElideRight
            Layout.fillWidth: true
        }

        Rectangle {
            objectName: "sessionBanner"
            readonly property bool wanted: area.session.bannerText.length > 0
            Layout.fillWidth: true
            Layout.preferredHeight: bannerText.implicitHeight + Theme.spacing
            radius: Theme.radius
            color: Theme.surfaceRaised
            opacity: wanted ? 1.0 : 0.0
            visible: opacity > 0
            Behavior on opacity { NumberAnimation { duration: Theme.fadeMs } }

            Text {
                id: bannerText
                anchors { fill: parent; leftMargin: Theme.spacing; rightMargin: Theme.spacing }
                verticalAlignment: Text.AlignVCenter
                // What will happen, in the future tense; the phase's own line (which may say
                // the drip is over) waits until that phase has begun.
                text: qsTr("In a few minutes, the next part will begin: %1.")
                      .arg(area.session.nextPhaseName)
                color: Theme.text
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
        }

        Item { Layout.fillHeight: true }

        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            visible: area.session.playlistOffer.length > 0

            BigButton {
                objectName: "playSuggestedButton"
                text: qsTr("Play %1").arg(area.session.playlistOffer)
                Layout.fillWidth: true
                onClicked: area.session.acceptPlaylist()
            }
            BigButton {
                objectName: "noThanksButton"
                text: qsTr("No thanks")
                Accessible.name: qsTr("No thanks, no music suggestion")
                onClicked: area.session.declinePlaylist()
            }
        }

        BigButton {
            objectName: "hideTimeButton"
            visible: area.session.active && area.session.playlistOffer.length === 0
            text: area.session.clockHidden ? qsTr("Show the time") : qsTr("Hide the time")
            Accessible.description: qsTr("The name of this part of your session stays shown.")
            Layout.fillWidth: true
            onClicked: area.session.setClockHidden(!area.session.clockHidden)
        }
    }
}
