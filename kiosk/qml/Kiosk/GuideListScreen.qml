import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Every topic of the guide, those of the current phase first (under "Right now you may
// notice"); a tap opens one. Titles and summaries are the clinic's text in the patient's
// language.
Item {
    id: screen
    required property var room
    required property var guide

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true

            BigButton {
                objectName: "guideBackButton"
                text: qsTr("Back")
                fill: Theme.surface
                Accessible.description: qsTr("Back to the main screen")
                onClicked: screen.room.show("home")
            }
            Text {
                objectName: "guideListTitle"
                text: qsTr("What you may feel")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
        Text {
            objectName: "guideListReviewNote"
            visible: screen.guide.reviewNote.length > 0
            text: screen.guide.reviewNote
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        ListView {
            id: list
            objectName: "guideTopics"
            model: screen.guide.topics
            clip: true
            spacing: Theme.spacing / 2
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true
            // Always shown while there is more below: a drowsy patient may not think to scroll.
            ScrollIndicator.vertical: ScrollIndicator {
                active: list.contentHeight > list.height
                contentItem: Rectangle {
                    implicitWidth: Math.round(8 * Theme.scale)
                    radius: width / 2
                    color: Theme.textMuted
                }
            }

            section.property: "now"
            section.delegate: Text {
                required property string section
                width: ListView.view.width
                topPadding: Theme.spacing / 2
                bottomPadding: Theme.spacing / 4
                text: section === "true" ? qsTr("Right now you may notice")
                                         : qsTr("Other things you may feel")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
            }

            delegate: Button {
                id: row
                required property var modelData
                objectName: "guideTopic_" + modelData.id
                // Room on the right for the scroll bar.
                width: ListView.view.width - Math.round(16 * Theme.scale)
                height: Math.max(Theme.minTarget, texts.implicitHeight + Theme.spacing)
                Accessible.name: modelData.title
                Accessible.description: modelData.summary
                focusPolicy: Qt.StrongFocus
                onClicked: {
                    screen.guide.showTopic(modelData.id)
                    screen.room.show("topic")
                }
                background: Rectangle {
                    radius: Theme.radius
                    color: Theme.surfaceRaised
                    border.width: row.visualFocus ? 4 : 0
                    border.color: Theme.focusRing
                }
                contentItem: Column {
                    id: texts
                    topPadding: Theme.spacing / 2
                    bottomPadding: Theme.spacing / 2
                    leftPadding: Theme.margin / 2
                    rightPadding: Theme.margin / 2
                    Text {
                        width: texts.width - texts.leftPadding - texts.rightPadding
                        text: row.modelData.title
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        width: texts.width - texts.leftPadding - texts.rightPadding
                        text: row.modelData.summary
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }
    }
}
