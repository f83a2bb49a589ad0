"""spdsl inside other libraries' models: ``spdsl.integrations.transformers``.

Each integration imports its library only when it is used (``pip install spdsl[transformers]``).
"""
