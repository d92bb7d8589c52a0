"""Workspace pages: each gathers its inputs, calls one function and renders a template."""
