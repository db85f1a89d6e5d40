"""The window: everything here may import Qt; nothing outside desk/gui (and desk/app.py) does."""
