"""A content-addressed on-disk cache of built kernels.

An entry is a folder named by the SHA-256 of everything that changes the kernel (see
``codegen.build.key_material``: the normalised IR, dtype, head dim, target with its CPU
features, schedule config, kernel, the spdsl and TVM versions and a digest of the code
generator's sources)::

    $SPDSL_CACHE_DIR/kernels/<key>/kernel.so    the library (tvm export_library)
    $SPDSL_CACHE_DIR/kernels/<key>/source.cu    CUDA builds: the kernel's CUDA source
    $SPDSL_CACHE_DIR/kernels/<key>/meta.json    the key material, written last

Writes go to a temporary name in the same folder and are renamed into place, so a
reader sees a whole entry or none. A corrupt or foreign entry (unreadable meta, a key
material that does not match, a library that fails to load) is removed and rebuilt,
never used. Two processes building the same kernel at once both end with a correct
kernel: each renames a complete file over the other's.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

log = logging.getLogger("spdsl.cache")

FORMAT = 1


def cache_dir() -> Path:
    """``$SPDSL_CACHE_DIR``, else ``$XDG_CACHE_HOME/spdsl``, else ``~/.cache/spdsl``."""
    env = os.environ.get("SPDSL_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "spdsl"


def key_of(material: dict) -> str:
    text = json.dumps({"format": FORMAT, **material}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:40]


class KernelCache:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root is not None else cache_dir()
        self.kernels = self.root / "kernels"

    def path(self, key: str) -> Path:
        return self.kernels / key

    def load(self, material: dict, files: tuple[str, ...] = ()):
        """(module, {name: text} of the entry's named side ``files``) for ``material``, or
        None (absent, corrupt or foreign: a corrupt or foreign entry is removed)."""
        import tvm

        key = key_of(material)
        entry = self.path(key)
        meta_path, lib_path = entry / "meta.json", entry / "kernel.so"
        if not meta_path.exists():
            return None
        try:
            meta = json.loads(meta_path.read_text())
            if meta.get("material") != json.loads(json.dumps(material, sort_keys=True, default=str)):
                raise ValueError("key material differs (a foreign or colliding entry)")
            if meta.get("sha256") != _file_hash(lib_path):
                raise ValueError("library checksum differs (a truncated or edited file)")
            texts = {name: (entry / name).read_text() for name in files}
            return tvm.runtime.load_module(str(lib_path)), texts
        except Exception as e:  # any failure means: do not trust the entry
            log.warning("spdsl cache: dropping entry %s (%s)", key, e)
            shutil.rmtree(entry, ignore_errors=True)
            return None

    def store(self, material: dict, module, label: str | None = None,
              files: dict[str, str] | None = None) -> Path | None:
        """Write ``module`` (and side ``files``, name -> text) under ``material``'s key.
        A read-only or full disk must not stop the user's work: it logs and returns None."""
        try:
            return self._store(material, module, label, files or {})
        except OSError as e:
            log.warning("spdsl cache: cannot store kernel (%s); using it uncached", e)
            return None

    def _store(self, material: dict, module, label, files: dict[str, str]) -> Path:
        key = key_of(material)
        entry = self.path(key)
        entry.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".kernel-", suffix=".so", dir=entry)
        os.close(fd)
        try:
            module.export_library(tmp)
            digest = _file_hash(Path(tmp))
            os.replace(tmp, entry / "kernel.so")
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        for name, text in files.items():
            _atomic_write(entry / name, text)
        meta = {"material": json.loads(json.dumps(material, sort_keys=True, default=str)),
                "sha256": digest, "created": time.time(), "format": FORMAT, "label": label}
        _atomic_write(entry / "meta.json", json.dumps(meta, indent=1, sort_keys=True))
        return entry

    def entries(self) -> list[dict]:
        out = []
        if not self.kernels.exists():
            return out
        for entry in sorted(self.kernels.iterdir()):
            meta_path = entry / "meta.json"
            try:
                meta = json.loads(meta_path.read_text())
                size = sum(f.stat().st_size for f in entry.iterdir())
                out.append({"key": entry.name, "size": size, **meta.get("material", {}),
                            "label": meta.get("label"), "created": meta.get("created")})
            except (OSError, ValueError):
                out.append({"key": entry.name, "corrupt": True})
        return out

    def clear(self) -> int:
        n = len(list(self.kernels.iterdir())) if self.kernels.exists() else 0
        shutil.rmtree(self.kernels, ignore_errors=True)
        return n


def _file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
