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

    Popup {
        id: chooser
        objectName: "languageChooser"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
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
