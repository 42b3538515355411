"""Benchmarks and load-test corpora; tools, not part of what serves requests (they use only public search functions)."""
