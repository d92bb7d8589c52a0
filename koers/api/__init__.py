"""API v1 under /api/v1 (NL API Design Rules): the shared conventions and the URL map.

The resources themselves live in each app's ``api/`` package (serializers, viewsets,
filters); this package holds what every resource shares: problem+json errors, the
API-Version header, pagination, ETags and the OpenAPI document.
"""
