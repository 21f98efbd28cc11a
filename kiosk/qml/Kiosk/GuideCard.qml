import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The home screen's "What you may feel": one large tap target listing the topics of the current
// phase under "Right now you may notice"; it opens the list of every topic (those first).
// Without content it says so and offers nothing.
Item {
    id: card
    required property var room
    required property var guide

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2

        Text {
            objectName: "guideUnavailable"
            visible: !card.guide.available
            text: card.guide.unavailableText
            color: Theme.textMuted
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        Button {
            id: open
            objectName: "guideOpenButton"
            visible: card.guide.available
            focusPolicy: Qt.StrongFocus
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: Theme.minTarget
            Accessible.name: qsTr("What you may feel")
            Accessible.description: nowText.text
            onClicked: card.room.show("guide")

            background: Rectangle {
                radius: Theme.radius
                color: Theme.surfaceRaised
                border.width: open.visualFocus ? 4 : 0
                border.color: Theme.focusRing
            }
            contentItem: ColumnLayout {
                spacing: Theme.spacing / 4
                Text {
                    objectName: "guideNowHeading"
                    text: card.guide.nowTopics.length > 0 ? qsTr("Right now you may notice")
                                                          : qsTr("Read about what you may feel")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Text {
                    id: nowText
                    objectName: "guideNowTopics"
                    text: card.guide.nowTopics.map(t => t.title).join(" · ")
                    visible: text.length > 0
                    color: Theme.text
                    font.pixelSize: Theme.fontSmall
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    elide: Text.ElideRight
                    maximumLineCount: 3
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 0
                    clip: true
                }
                Text {
                    objectName: "guideAllTopics"
                    text: qsTr("All topics (%1) ›").arg(card.guide.topics.length)
                    color: Theme.text
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
        }

        Text {
            objectName: "guideReviewNote"
            visible: text.length > 0
            text: card.guide.reviewNoteShort
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
            maximumLineCount: 1
            Layout.fillWidth: true
        }
    }
}
