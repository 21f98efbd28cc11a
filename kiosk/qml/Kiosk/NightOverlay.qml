import QtQuick

// Night dimming: a dark veil over the patient's screen in the clinic's night window. It lets
// every touch through (it is not rest mode), and sits below the call button, which stays as
// readable as by day.
Rectangle {
    id: veil
    property bool active: false
    // How bright the screen stays, 0..1.
    property real brightness: 1.0

    objectName: "nightOverlay"
    color: "black"
    opacity: active ? 1.0 - brightness : 0.0
    visible: opacity > 0
    Behavior on opacity { NumberAnimation { duration: Theme.fadeMs } }
}
