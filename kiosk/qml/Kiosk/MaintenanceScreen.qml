import QtQuick
import QtQuick.Layouts

// Shown when the configuration cannot start the room: what is wrong, for staff, and what a
// patient should do meanwhile.
Rectangle {
    id: screen
    required property var problems
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin * 2
        spacing: Theme.spacing

        Text {
            text: qsTr("If you need help, call out to staff or press the wired call button.")
            color: Theme.text
            font.pixelSize: Theme.fontHuge
            font.weight: Font.Bold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            text: qsTr("This screen is not ready. For staff: the room settings have problems.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Rectangle {
            color: Theme.surface
            radius: Theme.radius
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            Text {
                anchors.fill: parent
                anchors.margins: Theme.margin
                text: screen.problems.join("\n")
                color: Theme.text
                font.pixelSize: Theme.fontSmall
                font.family: "DejaVu Sans Mono"
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            }
        }
    }
}
