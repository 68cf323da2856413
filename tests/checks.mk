# tests/checks.mk - fuzz, sanitizer and valgrind targets (filled in by its owner)
