import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The patient's screen. The call button sits beside every screen; rest mode darkens the rest.
// The call column needs only `room` and `calls`: the product shows it in its first frame and
// hands over the other backends right after it, when the rest of the screen is built.
Window {
    id: window
    required property var room
    required property var calls
    property var music: null
    property var session: null
    property var guide: null
    property var language: null
    property var speech: null
    property var desk: null
    readonly property bool complete: music !== null && session !== null && guide !== null
                                     && language !== null && speech !== null && desk !== null

    objectName: "roomWindow"
    title: qsTr("Comfort screen, %1").arg(room.roomName)
    color: Theme.background
    visible: true
    onClosing: (close) => { close.accepted = window.room.closeAllowed }
    // A new patient language re-translates this window live.
    onLanguageChanged: if (language !== null) language.retranslates(window)
    Component.onCompleted: if (language !== null) language.retranslates(window)

    Binding {
        target: Theme
        property: "scale"
        value: Math.max(1.0, Math.min(window.width / 1280, window.height / 800))
    }

    // The rest of the screen (RoomScreen.qml), once every backend is here.
    Loader {
        id: roomScreen
        objectName: "roomScreen"
        anchors.fill: parent

        function build() {
            if (window.complete && status === Loader.Null)
                setSource("RoomScreen.qml", {
                    room: window.room, calls: window.calls, music: window.music,
                    session: window.session, guide: window.guide, language: window.language,
                    speech: window.speech, desk: window.desk })
        }
        Component.onCompleted: build()
        Connections {
            target: window
            function onCompleteChanged() { roomScreen.build() }
        }
    }

    // Night dimming, over everything but the call column (its other buttons dim themselves).
    NightOverlay {
        anchors.fill: parent
        z: 1
        active: window.room.nightDimmed
        brightness: window.room.nightBrightness
    }

    ColumnLayout {
        z: 2
        anchors { right: parent.right; top: parent.top; bottom: parent.bottom; margins: Theme.margin }
        width: Theme.callColumnWidth
        spacing: Theme.spacing

        CallButton {
            id: callButton
            calls: window.calls
            resting: window.room.restMode
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        RequestsButton {
            calls: window.calls
            visible: !window.room.restMode
            // Dimmed with the rest of the screen at night: only the call button stays bright.
            opacity: window.room.nightDimmed ? window.room.nightBrightness : 1.0
            Layout.fillWidth: true
            onClicked: window.room.show("requests")
        }
        // Eyes-closed mode, beside the call button on every screen; hidden when the room has
        // no voice.
        BigButton {
            objectName: "speakToMeButton"
            opacity: window.room.nightDimmed ? window.room.nightBrightness : 1.0
            visible: window.speech !== null && window.speech.available && !window.room.restMode
            // Not `checkable`: a tap asks the controller, which stays the one source of truth.
            checked: window.speech !== null && window.speech.speakToMe
            Accessible.checkable: true
            Accessible.checked: checked
            text: checked ? qsTr("Speaking to you: on") : qsTr("Speak to me")
            fill: checked ? Theme.toggleOn : Theme.surfaceRaised
            ink: checked ? Theme.callText : Theme.text
            Accessible.name: qsTr("Speak to me")
            Accessible.description: qsTr("Says every change of your call and what you do.")
            Layout.fillWidth: true
            onClicked: window.speech.setSpeakToMe(!window.speech.speakToMe)
        }
    }
}
