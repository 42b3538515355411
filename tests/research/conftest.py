"""The research tests' policy factory; the archive the /compare/ and /diffusion/ tests read is in archive/."""

from tests.search.conftest import make_policy  # noqa: F401 (the search tests' policy factory)
