"""desk: an editorial workstation for news editors."""

__version__ = "0.1.0"
