"""Infusion-room comfort kiosk: the patient's bedside screen and the nurse station."""
