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
    // The call button: warm and clear, never red or flashing. Each call state has its own
    // colour, title, icon and frame (CallButton.qml), so no state is told by hue alone.
    readonly property color call: "#f0c46c"
    readonly property color callText: "#1a1408"
    readonly property color callCalling: "#ffe3a3"
    // A station has the call (sage), a nurse is coming (clear sky blue).
    readonly property color callHeard: "#a8d3a0"
    readonly property color callOnTheWay: "#7fd0e8"
    // Something is wrong: the call did not get through, or no station is online. Warm coral
    // with a heavy dark frame, like a sign: it asks the patient to act (call out), not to wait.
    readonly property color callTrouble: "#ff9b73"
    readonly property color callNoStation: "#f6b48f"
    // The tablet lost its link but a station has the call; saved and resent (soft lilac).
    readonly property color callSaved: "#c7b8ee"
    readonly property color callRest: "#3b3120"
    readonly property color callRestText: "#e9d9b8"
    readonly property color callRestEdge: "#8a7650"
    readonly property color focusRing: "#8fb8de"
    // Edges of cards and controls: at least 3:1 against what they sit on (WCAG 1.4.11).
    readonly property color border: "#77828f"
    readonly property color controlEdge: "#8a96a4"
    // A request that means something is wrong (priority "high"): a coral edge and mark.
    readonly property color urgent: "#ff9b73"
    // Disabled controls: no fill of their own, a dim edge and muted text.
    readonly property color disabledEdge: "#5d6670"
    // A switch that is on ("Speak to me"): a clear light fill with dark words.
    readonly property color toggleOn: "#8fb8de"

    // Icons (Material Icons, Debian's fonts-material-design-icons-iconfont) and the typeface
    // (Atkinson Hyperlegible, loaded at start when installed; the default font otherwise).
    readonly property string iconFont: "Material Icons"
    readonly property bool iconsAvailable: Qt.fontFamilies().indexOf(iconFont) >= 0
    readonly property int iconSize: Math.round(72 * scale)

    // Text on backgrounds: each pair at least 7:1; the contrast test reads this list.
    readonly property var pairs: [
        ["text", "background"], ["text", "surface"], ["text", "surfaceRaised"],
        ["textMuted", "background"], ["textMuted", "surface"], ["textMuted", "surfaceRaised"],
        ["restText", "restBackground"],
        ["callText", "call"], ["callText", "callCalling"], ["callText", "callHeard"],
        ["callText", "callOnTheWay"], ["callText", "callTrouble"], ["callText", "callNoStation"],
        ["callText", "callSaved"],
        ["callRestText", "callRest"], ["callRestText", "restBackground"],
        ["urgent", "surface"], ["urgent", "surfaceRaised"], ["callText", "toggleOn"]
    ]
    // Edges and state colours against what they sit on: each pair at least 3:1.
    readonly property var edgePairs: [
        ["border", "background"], ["border", "surface"],
        ["controlEdge", "background"], ["controlEdge", "surface"],
        ["controlEdge", "surfaceRaised"],
        ["disabledEdge", "background"],
        ["urgent", "background"], ["urgent", "surface"],
        ["call", "background"], ["callCalling", "background"], ["callHeard", "background"],
        ["callOnTheWay", "background"], ["callTrouble", "background"],
        ["callNoStation", "background"], ["callSaved", "background"],
        ["callRestEdge", "restBackground"], ["callRestEdge", "background"],
        // The state frame is drawn in callText inside the state colour.
        ["callText", "call"], ["callText", "callCalling"], ["callText", "callTrouble"],
        ["callText", "callNoStation"], ["callText", "callSaved"],
        ["callText", "callHeard"], ["callText", "callOnTheWay"],
        ["focusRing", "background"], ["focusRing", "surfaceRaised"],
        ["toggleOn", "background"]
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
