"""API v1 resources of koers.areas (serializers, viewsets, filters)."""
