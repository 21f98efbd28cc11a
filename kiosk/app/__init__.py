"""Composition root: the one place that builds concrete classes and wires them together.

shell.py  the window shell the room and the station share (Qt app, QML window, quit, first frame)
room.py   the patient's room: assemble_room() with injectable parts, product_parts(), run_room()
station.py  the nurse station
demo.py, calltest.py  the demo and the commissioning call test
"""
