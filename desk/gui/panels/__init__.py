"""The right-hand panels: Problems, Quotes, Sources, Preview and the Review queue.

Each panel is its own module; the main window imports them by name (see notes/GUI.md).
"""
