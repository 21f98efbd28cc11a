pragma Singleton
import QtQuick

// The nurse station's own sizes and urgency colours. Sizes are fixed pixels: a larger screen
// shows more tiles and rows, not bigger ones. Each fill carries its own ink at 7:1 or more, and
// every fill stands 3:1 or more against Theme.surface and Theme.background.
QtObject {
    readonly property string family: "DejaVu Sans Condensed"
    readonly property int margin: 12
    readonly property int gap: 6
    readonly property int headerHeight: 110
    readonly property int rowHeight: 110
    readonly property int tileWidth: 150
    readonly property int tileHeight: 76
    readonly property int cueHeight: 34
    readonly property int font: 24
    readonly property int fontName: 26
    readonly property int fontProminent: 30
    readonly property int fontCount: 40
    readonly property int iconSize: 28

    // Urgency: each its own hue, icon and word (never hue alone).
    readonly property var fills: ({
        "urgent": "#ff9e7d",      // the urgent call: coral
        "high": "#f0c46c",        // sick, anxious, IV site: amber
        "normal": "#93c5f5",      // water, blanket, bathroom: sky blue
        "info": "#c8b6f2",        // infusion time complete, a test call: lavender
        "on_the_way": "#a8d3a0",  // a nurse is on the way: sage
        "silent": "#d3d7de",      // a tablet that stopped reporting: pale grey
        "complete": "#c8b6f2"
    })
    readonly property var inks: ({
        "urgent": "#1f0b04", "high": "#1a1408", "normal": "#08131f", "info": "#140d24",
        "on_the_way": "#0b1a09", "silent": "#14171b", "complete": "#140d24"
    })
    // Material Icons code points: ringing bell, warning, raised hand, info, walking person,
    // Wi-Fi off, question mark, timer, check, dash, hourglass.
    readonly property var icons: ({
        "urgent": "\ue7f7", "high": "\ue002", "normal": "\ue925", "info": "\ue88e",
        "on_the_way": "\ue536", "silent": "\ue1da", "unknown": "\ue8fd", "session": "\ue425",
        "complete": "\ue86c", "idle": "\ue15b", "not_seen": "\ue88b"
    })
    // Glyphs drawn with plain characters when the icon font is missing.
    readonly property var fallbackIcons: ({
        "urgent": "!", "high": "!", "normal": "?", "info": "i", "on_the_way": ">",
        "silent": "x", "unknown": "?", "session": "", "complete": "v", "idle": "-",
        "not_seen": "-"
    })

    function fill(key) { return fills[key] !== undefined ? fills[key] : Theme.surface }
    function ink(key) { return inks[key] !== undefined ? inks[key] : Theme.text }
    function glyph(key) {
        return Theme.iconsAvailable ? (icons[key] || "") : (fallbackIcons[key] || "")
    }
}
