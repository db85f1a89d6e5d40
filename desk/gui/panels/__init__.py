"""The right-hand panels: Problems, Quotes, Sources, Preview and the Review queue.

Each panel is its own module; desk.gui.window_parts builds them and the main window docks
them. A panel that shows what is in the library has a ``library_changed(changes, origin)``
slot, subscribed to the runner's "library changed" signal in desk.gui.change_wiring; panels
never refresh each other.
"""
