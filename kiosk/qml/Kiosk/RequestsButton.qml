import QtQuick

// "Ask for something": smaller than the call button, under it on every screen. Opens the
// requests screen; shows how many requests are open so a glance is enough.
BigButton {
    id: control
    property var calls: null
    readonly property int openCount: control.calls ? control.calls.requests.length : 0

    objectName: "requestsButton"
    text: control.openCount > 0 ? qsTr("Ask for something (%1 open)").arg(control.openCount)
                                : qsTr("Ask for something")
    Accessible.name: text
    Accessible.description: qsTr("Water, a blanket, the bathroom, or tell the nurse how you feel.")
}
