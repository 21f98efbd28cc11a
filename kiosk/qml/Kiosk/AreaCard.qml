import QtQuick
import QtQuick.Layouts

// One area of the home screen: a title, a plain status line, and room for the feature's controls.
Rectangle {
    id: card
    property string title
    property string status
    default property alias content: extra.data

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border
    border.width: 1

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing / 2

        Text {
            text: card.title
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        Text {
            text: card.status
            visible: text.length > 0
            color: Theme.textMuted
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        Item {
            id: extra
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
