"""The JSON API: typed views (views.py) whose schemas (schemas.py) and parameters (parameters.py)
make the OpenAPI description at /api/schema/ and the reference page at /api/ (reference.py)."""
