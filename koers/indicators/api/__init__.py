"""API v1 resources of koers.indicators (serializers, viewsets, filters)."""
