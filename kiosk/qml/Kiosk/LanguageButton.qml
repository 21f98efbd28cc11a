import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The patient's language, one tap from the home screen: the button names the language in use,
// and opens a choice of every language in its own name ("English", "Español").
BigButton {
    id: control
    required property var language

    objectName: "languageButton"
    text: (control.language.languages.find(l => l.code === control.language.language) || {}).name
          || ""
    Accessible.name: qsTr("Language: %1").arg(text)
    Accessible.description: qsTr("Choose the language of this screen")
    onClicked: chooser.open()

    // A globe beside the name, so a patient who does not read this language still finds it.
    contentItem: Row {
        spacing: Theme.spacing / 2
        Text {
            objectName: "languageIcon"
            visible: Theme.iconsAvailable
            anchors.verticalCenter: parent.verticalCenter
            text: "\ue894"  // Material Icons "language" (a globe)
            color: control.ink
            font.family: Theme.iconFont
            font.pixelSize: Math.round(Theme.fontBody * 1.3)
            Accessible.ignored: true
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: control.text
            color: control.ink
            font.pixelSize: control.fontSize
            font.weight: Font.DemiBold
        }
    }

    Popup {
        id: chooser
        objectName: "languageChooser"
        parent: Overlay.overlay
        anchors.centerIn: parent
        // Not modal: the call button beside it stays one tap away while the choice is open.
        modal: false
        dim: false
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
        padding: Theme.margin
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            border.width: 1
        }

        ColumnLayout {
            spacing: Theme.spacing
            Repeater {
                model: control.language.languages
                delegate: BigButton {
                    required property var modelData
                    objectName: "language_" + modelData.code
                    text: modelData.name
                    fill: modelData.code === control.language.language ? Theme.surfaceRaised
                                                                      : Theme.surface
                    Layout.preferredWidth: Math.round(360 * Theme.scale)
                    onClicked: {
                        control.language.setLanguage(modelData.code)
                        chooser.close()
                    }
                }
            }
        }
    }
}
