"""newsdiff: find how quotations drift between versions of a news story."""
