import QtQuick

// "Your nurse is here": a calm band over the top of the patient's screen for a few seconds
// after the nurse pressed "Nurse is here"; the home screen stays beneath it.
Rectangle {
    id: band
    property string text: ""
    signal dismissed()

    objectName: "nurseGreeting"
    visible: band.text.length > 0
    height: Theme.minTarget
    radius: Theme.radius
    color: Theme.surfaceRaised
    border.width: 2
    border.color: Theme.callOnTheWay

    MouseArea {
        objectName: "nurseGreetingArea"
        anchors.fill: parent
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Your nurse is here. Touch to close.")
        onClicked: band.dismissed()
    }

    Text {
        objectName: "nurseGreetingText"
        anchors.centerIn: parent
        text: band.text
        color: Theme.text
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
    }
}
