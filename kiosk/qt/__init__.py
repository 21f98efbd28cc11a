"""QObjects that QML binds to. Translation between core and QML only; no clinical rules."""
