"""The front end: pattern text -> AST with spans (``syntax``) -> checked, typed IR
(``check``, with index bounds in ``bounds``), files and imports (``library``)."""
