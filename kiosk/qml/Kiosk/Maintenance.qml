import QtQuick

// The window shown instead of the room when its settings cannot start it.
Window {
    id: window
    required property var problems

    objectName: "maintenanceWindow"
    title: qsTr("Comfort screen: needs attention")
    color: Theme.background
    visible: true

    MaintenanceScreen {
        anchors.fill: parent
        problems: window.problems
    }
}
