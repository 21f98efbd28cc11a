pragma Singleton
import QtQuick

// Every colour, size and duration of the patient screen. Dark and low stimulus; every text colour
// is used only on the backgrounds named in `pairs`, each at least 7:1 (a test computes them).
QtObject {
    // Backgrounds
    readonly property color background: "#0d1014"
    readonly property color surface: "#181d24"
    readonly property color surfaceRaised: "#232a33"
    readonly property color restBackground: "#000000"
    // Text
    readonly property color text: "#ece8e1"
    readonly property color textMuted: "#c4beb4"
    readonly property color restText: "#a39d93"
    // The call button: warm and clear, never red or flashing.
    readonly property color call: "#f0c46c"
    readonly property color callText: "#1a1408"
    // Calm state colours, reached by a slow fade: a station has the call (sage), or the patient
    // should call out instead (soft blue: "use your voice", not an alarm).
    readonly property color callHeard: "#a8d3a0"
    readonly property color callTrouble: "#b7c9e2"
    readonly property color callRest: "#3b3120"
    readonly property color callRestText: "#e9d9b8"
    readonly property color focusRing: "#8fb8de"
    readonly property color border: "#3a434f"

    // Text/background pairs in use; the contrast test reads this list.
    readonly property var pairs: [
        ["text", "background"], ["text", "surface"], ["text", "surfaceRaised"],
        ["textMuted", "background"], ["textMuted", "surface"], ["textMuted", "surfaceRaised"],
        ["restText", "restBackground"],
        ["callText", "call"], ["callText", "callHeard"], ["callText", "callTrouble"],
        ["callRestText", "callRest"], ["callRestText", "restBackground"]
    ]

    // Sizes at 1280x800; `scale` grows them on larger screens.
    property real scale: 1.0
    readonly property int fontBody: Math.round(26 * scale)
    readonly property int fontSmall: Math.round(24 * scale)
    readonly property int fontTitle: Math.round(34 * scale)
    readonly property int fontHuge: Math.round(44 * scale)
    readonly property int fontClock: Math.round(30 * scale)
    readonly property int minTarget: Math.round(110 * scale)
    readonly property int spacing: Math.round(20 * scale)
    readonly property int margin: Math.round(28 * scale)
    readonly property int radius: Math.round(22 * scale)
    readonly property int callColumnWidth: Math.round(360 * scale)

    // Slow, calm transitions (reduced motion sets them to zero).
    property bool reducedMotion: false
    readonly property int fadeMs: reducedMotion ? 0 : 900
}
