"""sourcecrit: a keyboard-driven terminal reader for source criticism."""

__version__ = "0.1.0"
