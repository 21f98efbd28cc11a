"""The only importers of vlc, paho, sqlite3 and subprocess. They implement core's ports and own
every foreign thread: a callback's only action is to hand a function to the Qt thread."""
