"""The IR: immutable typed expression nodes (``nodes``), smart constructors with the
simplification rules as data (``simplify``), and the printer back to pattern text
(``printer``)."""
