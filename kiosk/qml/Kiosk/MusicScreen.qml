import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The music screen: big playlist cards, what is playing, play/pause, next, silence and a
// volume control in large steps that stops at the nurse's cap. Every action shows the
// controller's confirmation line (sound-free). State lives in the MusicController.
Rectangle {
    id: screen
    required property var music
    required property var room

    readonly property int volumeSteps: Math.max(1, Math.round(screen.music.volumeMaxPercent / 10))
    readonly property int volumeStep: Math.round(screen.music.volumePercent / 10)

    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true

            BigButton {
                objectName: "musicBackButton"
                text: qsTr("Back")
                onClicked: screen.room.show("home")
            }
            Text {
                text: qsTr("Music")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
            }
            // The sound-free confirmation of the last action, beside the title.
            Text {
                objectName: "musicConfirmation"
                Layout.fillWidth: true
                text: screen.music.confirmation
                color: Theme.text
                font.pixelSize: Theme.fontBody
                horizontalAlignment: Text.AlignRight
                elide: Text.ElideRight
            }
        }

        Text {
            objectName: "musicScreenUnavailable"
            visible: !screen.music.available
            Layout.fillWidth: true
            text: screen.music.unavailableReason
            color: Theme.text
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
        }

        GridView {
            id: grid
            objectName: "playlistGrid"
            visible: screen.music.available
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            cellWidth: width / 2
            cellHeight: Math.round(140 * Theme.scale)
            model: screen.music.playlists

            delegate: Item {
                id: cell
                required property var modelData
                required property int index
                width: grid.cellWidth
                height: grid.cellHeight

                Button {
                    id: card
                    objectName: "playlistCard" + cell.index
                    anchors.fill: parent
                    anchors.margins: Theme.spacing / 2
                    padding: Theme.spacing
                    Accessible.name: cell.modelData.available
                                     ? cell.modelData.name
                                     : qsTr("%1: %2").arg(cell.modelData.name)
                                                      .arg(cell.modelData.reason)
                    focusPolicy: Qt.StrongFocus
                    onClicked: screen.music.playPlaylist(cell.index)

                    background: Rectangle {
                        radius: Theme.radius
                        color: Theme.surfaceRaised
                        border.width: card.visualFocus ? 4 : 1
                        border.color: card.visualFocus ? Theme.focusRing : Theme.border
                    }
                    contentItem: RowLayout {
                        spacing: Theme.spacing
                        Image {
                            visible: cell.modelData.cover.length > 0
                            source: cell.modelData.cover
                            fillMode: Image.PreserveAspectCrop
                            asynchronous: true
                            Layout.preferredWidth: Math.round(120 * Theme.scale)
                            Layout.preferredHeight: Math.round(120 * Theme.scale)
                        }
                        ColumnLayout {
                            spacing: Theme.spacing / 4
                            Layout.fillWidth: true
                            Text {
                                text: cell.modelData.name
                                color: Theme.text
                                font.pixelSize: Theme.fontBody
                                font.weight: Font.DemiBold
                                wrapMode: Text.WordWrap
                                Layout.fillWidth: true
                            }
                            Text {
                                text: cell.modelData.available ? cell.modelData.description
                                                               : cell.modelData.reason
                                visible: text.length > 0
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                                wrapMode: Text.WordWrap
                                maximumLineCount: 2
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }
        }

        Text {
            objectName: "musicScreenNowPlaying"
            visible: screen.music.available
            Layout.fillWidth: true
            text: screen.music.nowPlayingTitle.length > 0
                  ? qsTr("Now playing: %1").arg(screen.music.nowPlayingTitle)
                  : qsTr("No music playing")
            color: Theme.text
            font.pixelSize: Theme.fontBody
            elide: Text.ElideRight
        }

        RowLayout {
            visible: screen.music.available
            spacing: Theme.spacing
            Layout.fillWidth: true

            BigButton {
                objectName: "musicPlayPause"
                enabled: screen.music.nowPlayingTitle.length > 0
                text: screen.music.playing ? qsTr("Pause") : qsTr("Play")
                onClicked: screen.music.togglePause()
            }
            BigButton {
                objectName: "musicNext"
                enabled: screen.music.playing
                text: qsTr("Next")
                onClicked: screen.music.next()
            }
            BigButton {
                objectName: "musicSilence"
                text: qsTr("Silence")
                onClicked: screen.music.silence()
            }
            Item { Layout.fillWidth: true }
            BigButton {
                objectName: "volumeDown"
                text: "\u2212"
                Accessible.name: qsTr("Quieter")
                fontSize: Theme.fontHuge
                onClicked: screen.music.volumeDown()
            }
            ColumnLayout {
                spacing: Theme.spacing / 4
                Layout.preferredWidth: Math.round(100 * Theme.scale)
                Text {
                    objectName: "volumeWords"
                    text: qsTr("Volume")
                    color: Theme.text
                    font.pixelSize: Theme.fontSmall
                    Layout.alignment: Qt.AlignHCenter
                }
                Text {
                    objectName: "volumeLevel"
                    text: qsTr("%1 of %2").arg(screen.volumeStep).arg(screen.volumeSteps)
                    color: Theme.text
                    font.pixelSize: Theme.fontSmall
                    Layout.alignment: Qt.AlignHCenter
                }
                Rectangle {
                    objectName: "volumeBar"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.round(16 * Theme.scale)
                    radius: height / 2
                    color: Theme.surfaceRaised
                    Rectangle {
                        width: parent.width * Math.min(1, screen.volumeStep / screen.volumeSteps)
                        height: parent.height
                        radius: parent.radius
                        color: Theme.textMuted
                        Behavior on width { NumberAnimation { duration: Theme.fadeMs } }
                    }
                }
            }
            BigButton {
                objectName: "volumeUp"
                text: "+"
                Accessible.name: qsTr("Louder")
                fontSize: Theme.fontHuge
                onClicked: screen.music.volumeUp()
            }
        }
    }
}
