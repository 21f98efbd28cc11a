#!/usr/bin/env bash
# Installs what is missing, and nothing else: Debian packages, the .venv, the demo audio.
# Called by `make run` and `make test`; a second call with nothing missing takes about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt offscreen and on Xvfb, libVLC (libvlc-bin keeps start-up fast), the broker, speech, and the
# PulseAudio tools the audio tests record with.
APT_PACKAGES=(
    python3 python3-venv
    libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
    fonts-dejavu-core fonts-material-design-icons-iconfont
    xvfb xauth x11-utils libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
    libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
    libvlc5 vlc-plugin-base libvlc-bin
    mosquitto mosquitto-clients openssl
    espeak-ng
    systemd
    pulseaudio pulseaudio-utils sox
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian starts mosquitto as a system service on install; the kiosk never needs it (the demo and
# the tests start their own broker on a free port), but it does no harm either.

if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv"
    python3 -m venv .venv
fi
if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
    echo "setup: installing Python packages into .venv"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[test]'
    touch .venv/.installed
fi

# Byte-compile the app once, here: a service user that cannot write next to the code (/opt)
# would otherwise compile every module again at every start (about a third of the room's time
# to its first frame).
.venv/bin/python -m compileall -q main.py kiosk
.venv/bin/python scripts/synth_audio.py --out assets
.venv/bin/python scripts/build_translations.py
