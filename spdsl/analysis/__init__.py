"""Analysis of checked IR, never building an L x L mask: interval arithmetic
(``intervals``), block classification into FULL / PARTIAL / EMPTY (``blocks``),
``random_blocks`` (``random_blocks``), explain statistics (``explain``); and the dense
semantics that every kernel is checked against (``evaluate``, ``reference``), also
exported to FlexAttention (``flex``)."""
