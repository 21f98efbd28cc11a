import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The Music card's content on the home screen: what is playing, one big play/pause, and a way
// to the music screen. Without libVLC it says only that music is unavailable.
Item {
    id: area
    required property var music
    required property var room

    readonly property bool hasTrack: area.music.nowPlayingTitle.length > 0

    implicitWidth: Math.round(560 * Theme.scale)
    implicitHeight: Math.round(300 * Theme.scale)

    Text {
        objectName: "musicUnavailable"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        visible: !area.music.available
        text: area.music.unavailableReason
        color: Theme.text
        font.pixelSize: Theme.fontBody
        wrapMode: Text.WordWrap
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        visible: area.music.available

        Text {
            objectName: "musicNowPlaying"
            Layout.fillWidth: true
            text: area.hasTrack ? area.music.nowPlayingTitle : qsTr("No music playing")
            color: Theme.text
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "musicNowPlayingPlaylist"
            Layout.fillWidth: true
            visible: area.music.nowPlayingPlaylist.length > 0
            text: area.music.nowPlayingPlaylist
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
        }
        Item { Layout.fillHeight: true }
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true

            BigButton {
                objectName: "musicAreaPlayPause"
                visible: area.hasTrack
                text: area.music.playing ? qsTr("Pause") : qsTr("Play")
                Layout.fillWidth: true
                onClicked: area.music.togglePause()
            }
            BigButton {
                objectName: "chooseMusicButton"
                text: qsTr("Choose music")
                Layout.fillWidth: true
                onClicked: area.room.show("music")
            }
        }
    }
}
