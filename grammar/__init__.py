"""The spdsl grammar, shipped as package data (``spdsl.grammar``)."""
