import QtQuick
import QtQuick.Layouts

// The patient's home: music, the session, and what they may feel. The call button lives beside
// every screen, in Main.
Item {
    id: home
    required property var room
    required property var music
    required property var session
    required property var guide

    GridLayout {
        anchors.fill: parent
        columns: 2
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing

        AreaCard {
            objectName: "musicArea"
            title: qsTr("Music")
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            MusicArea { anchors.fill: parent; music: home.music; room: home.room }
        }
        AreaCard {
            objectName: "sessionArea"
            title: qsTr("Your session")
            Layout.rowSpan: 2
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            SessionArea { anchors.fill: parent; session: home.session }
        }
        AreaCard {
            objectName: "guideArea"
            title: qsTr("What you may feel")
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            GuideCard { anchors.fill: parent; room: home.room; guide: home.guide }
        }
    }
}
