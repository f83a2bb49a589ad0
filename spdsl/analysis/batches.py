"""Working-batch sizes of the block analysis (a leaf module).

Classification (``blocks``), the stored layout (``block_layout``), the element search
(``element_search``) and the statistics (``layout_stats``) work in batches of at most
these sizes, so that their working memory beyond their result is bounded whatever the
lengths.  They are read as ``batches.NAME`` when used, so that a test can shrink them
all at once and run every batched path on small inputs.
"""

REGIONS = 1 << 16    # regions per interval analysis, runs per batch
BLOCKS = 1 << 20     # blocks (or row pieces) expanded at once: ~8 MB an index array
POINTS = 1 << 18     # points per evaluate_points call: bounds peak memory (~2 MB an array)
