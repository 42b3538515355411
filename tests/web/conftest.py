# The search tests' policy factory, shared rather than written twice.
from tests.search.conftest import make_policy  # noqa: F401
