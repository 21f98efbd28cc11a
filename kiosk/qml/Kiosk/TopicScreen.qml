import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// One topic of the guide: a large "Call the nurse about this", its title and the one-line summary
// (always in view, never scrolled away), how a request about it is going, then its four short
// parts under plain headings (they scroll only on a small screen or with long clinic text).
Item {
    id: screen
    required property var room
    required property var guide
    // The room's voice (null without espeak-ng): the topic and each part can be read aloud.
    property var speech: null
    readonly property bool canSpeak: screen.speech !== null && screen.speech.available
    property bool readOnce: false
    readonly property var topic: screen.guide.openTopic

    function wholeTopic() {
        var words = [screen.topic.title || "", screen.topic.summary || ""]
        var sections = screen.topic.sections || []
        for (var i = 0; i < sections.length; i++)
            words.push(sections[i].heading + ". " + sections[i].text)
        return words.join(". ")
    }
    onTopicChanged: screen.readOnce = false

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true

            BigButton {
                objectName: "topicBackButton"
                text: qsTr("Back")
                fill: Theme.surface
                Accessible.description: qsTr("Back to the list of what you may feel")
                Layout.alignment: Qt.AlignTop
                onClicked: screen.room.show("guide")
            }
            Item { Layout.fillWidth: true }
            BigButton {
                objectName: "topicReadAloudButton"
                visible: screen.canSpeak
                text: screen.readOnce ? qsTr("Again") : qsTr("Read aloud")
                fill: Theme.surface
                Accessible.description: screen.readOnce
                    ? qsTr("Says the last part again")
                    : qsTr("Reads this topic aloud. Touch a part to hear only that part.")
                Layout.alignment: Qt.AlignTop
                onClicked: {
                    if (screen.readOnce) {
                        screen.speech.replay()
                    } else {
                        screen.speech.say(screen.wholeTopic())
                        screen.readOnce = true
                    }
                }
            }
            BigButton {
                objectName: "topicCallButton"
                text: qsTr("Call the nurse about this")
                fill: Theme.call
                ink: Theme.callText
                fontSize: Theme.fontBody
                Accessible.description: qsTr("Asks a nurse to come and talk about: %1")
                                        .arg(screen.topic.title || "")
                Layout.preferredWidth: Math.round(320 * Theme.scale)
                Layout.alignment: Qt.AlignTop
                onClicked: screen.guide.callAbout(screen.topic.id)
            }
        }
        Text {
            objectName: "topicTitle"
            text: screen.topic.title || ""
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            objectName: "topicSummary"
            text: screen.topic.summary || ""
            color: Theme.text
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            objectName: "topicCallState"
            visible: text.length > 0
            text: screen.topic.callText || ""
            color: Theme.textMuted
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        Flickable {
            id: parts
            objectName: "topicSections"
            clip: true
            contentHeight: grid.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollIndicator.vertical: ScrollIndicator {
                active: parts.contentHeight > parts.height
                contentItem: Rectangle {
                    implicitWidth: Math.round(8 * Theme.scale)
                    radius: width / 2
                    color: Theme.textMuted
                }
            }

            GridLayout {
                id: grid
                width: parts.width
                columns: 2
                rowSpacing: Theme.spacing
                columnSpacing: Theme.spacing

                Repeater {
                    model: screen.topic.sections || []
                    delegate: Column {
                        required property var modelData
                        required property int index
                        objectName: "topicSection_" + index
                        spacing: Theme.spacing / 4
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        Text {
                            width: parent.width
                            text: modelData.heading
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            font.weight: Font.DemiBold
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            width: parent.width
                            text: modelData.text
                            color: Theme.text
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                        // A touch on a part reads that part aloud (when the room can speak).
                        TapHandler {
                            objectName: "topicSectionRead_" + index
                            enabled: screen.canSpeak
                            onTapped: {
                                screen.speech.say(modelData.heading + ". " + modelData.text)
                                screen.readOnce = true
                            }
                        }
                    }
                }
            }
        }
    }
}
