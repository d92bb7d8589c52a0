"""API v1 resources of koers.programme (serializers, viewsets, filters)."""
