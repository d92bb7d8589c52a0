"""API v1 resources of koers.deliveries (serializers, viewsets, filters)."""
