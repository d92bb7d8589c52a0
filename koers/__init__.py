"""Koers: programme and monitoring platform of the twelve Dutch provinces."""

__version__ = "0.1.0"
