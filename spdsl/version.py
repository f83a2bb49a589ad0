"""spdsl's version (a leaf module: cache keys and tuning records read it)."""

VERSION = "0.1.0"
