import QtQuick
import QtQuick.Layouts

// The patient's home: three calm areas. The call button lives beside every screen, in Main.
Item {
    id: home
    required property var room

    GridLayout {
        anchors.fill: parent
        columns: 2
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing

        AreaCard {
            objectName: "musicArea"
            title: qsTr("Music")
            status: home.room.musicStatus
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        AreaCard {
            objectName: "sessionArea"
            title: qsTr("Your session")
            status: home.room.sessionStatus
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        AreaCard {
            objectName: "guideArea"
            title: qsTr("What you may feel")
            status: home.room.guideStatus
            Layout.columnSpan: 2
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
