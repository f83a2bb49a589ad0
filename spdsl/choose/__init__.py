"""Choosing the sparsity: how much of a model's real attention a pattern keeps
(``spdsl.choose.coverage.coverage``), what each sparsity level costs in quality and
buys in speed (``spdsl.choose.sweep.sweep``), and whether a model trained sparse learns as
well as dense (``spdsl.choose.train.train_sweep``). docs/choosing.md walks through them.

    >>> from spdsl.choose.coverage import coverage
    >>> report = coverage(model_dir, "examples/longformer.spdsl", texts, window=64, globals=4)
    >>> print(report)                                   # per layer and head, worst first

    models.py    the model (a folder, a config, or a loaded model), its tokenizer, the text
                 cut into segments, and an attention hook that records what each layer sees
    coverage.py  dense softmax mass inside the pattern, per layer and head, chunk by chunk
    sweep.py     quality and speed of each sparsity level against the dense model
    train.py     the training A/B: each level trained from scratch against dense, loss curves
    plots.py     the pictures (matplotlib, imported only when a picture is asked for)

Importing this package imports neither torch nor transformers; they load when called.
(The functions are not re-exported here: a function named like its module would be
overwritten by the module on first import.)
"""
