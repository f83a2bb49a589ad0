"""Analysis of checked IR, never building an L x L mask: interval arithmetic
(``intervals``), block classification into FULL / PARTIAL / EMPTY (``blocks``, with the
exact element search it refines with in ``element_search``), the stored layout as runs
(``block_layout``), ``random_blocks`` (``random_blocks``), explain statistics
(``layout_stats``, ``explain``), their working-batch sizes (``batches``); and the dense
semantics that every kernel is checked against (``evaluate``, ``reference``), also
exported to FlexAttention (``flex``)."""
