"""`koers backup` and `koers restore`: the database, the kept originals and the analytics
store, taken consistently and checked with sha256s (see docs/operations.md)."""
