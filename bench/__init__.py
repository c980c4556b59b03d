"""Benchmark tooling (``make bench``), a Django app for development only: the local, test and
bench settings install it, production never does (and its image does not contain it)."""
