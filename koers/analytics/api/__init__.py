"""API v1 resources of koers.analytics (serializers, viewsets, filters)."""
