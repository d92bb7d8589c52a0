"""Signals other apps listen to (analytics refreshes touched indicators on publication)."""

from django.dispatch import Signal

#: sent after a workflow transition, with ``delivery`` and ``status``
delivery_changed = Signal()
