"""A content-addressed on-disk cache of built kernels.

An entry is a folder named by the SHA-256 of everything that changes the kernel (see
``codegen.build.key_material``: the normalised IR, dtype, head dim, target with its CPU
features, schedule config, kernel, the spdsl and TVM versions and a digest of the code
generator's sources)::

    $SPDSL_CACHE_DIR/kernels/<key>/kernel.so    the library (tvm export_library)
    $SPDSL_CACHE_DIR/kernels/<key>/source.cu    CUDA builds: the kernel's CUDA source
    $SPDSL_CACHE_DIR/kernels/<key>/meta.json    the key material, written last

Writes go to a temporary name in the same folder and are renamed into place, so a
reader sees a whole entry or none. Two processes building the same kernel at once both
end with a correct kernel: each renames a complete file over the other's.

Loading a library runs its code, so the cache trusts nothing it has not checked (see
docs/security.md):

- the cache folder and its ``kernels`` folder must be owned by this user and writable by
  no one else (as ssh checks ``~/.ssh``); otherwise spdsl warns once and builds uncached;
- nothing inside the cache is followed through a symbolic link: a linked entry or file
  is removed, never read or written through;
- before a library is loaded, its entry must be a real folder and its files regular
  files owned by this user, its meta must carry the same key material and the library's
  SHA-256; after loading, it must define the kernels asked for. A corrupt or foreign
  entry is removed and rebuilt, never used (a CUDA entry that passed these checks but
  does not load stays: the CUDA runtime may be what is missing);
- a store that fails (full disk, read-only folder, a linker error) warns and leaves the
  kernel uncached; temporary files a killed writer left are removed once an hour old.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import stat
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


STALE_TEMP_S = 3600.0  # a temporary file this old was left by a killed writer
MAX_META_BYTES = 1 << 20
TEMP_PREFIXES = (".kernel-", ".tmp-")

_WARNED: set = set()


class KernelCache:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root is not None else cache_dir()
        self.kernels = self.root / "kernels"

    def path(self, key: str) -> Path:
        return self.kernels / key

    def problem(self) -> str | None:
        """Why this cache folder cannot be trusted (None: it can): the folder (a link to
        it is fine) and its ``kernels`` folder (not a link) must be folders owned by this
        user and writable by no one else."""
        for folder, follow in ((self.root, True), (self.kernels, False)):
            try:
                st = os.stat(folder) if follow else os.lstat(folder)
            except FileNotFoundError:
                return None  # made by the first store, with our own permissions
            except OSError as e:
                return f"cannot inspect {folder} ({e.strerror or e})"
            if stat.S_ISLNK(st.st_mode):
                return f"{folder} is a symbolic link"
            if not stat.S_ISDIR(st.st_mode):
                return f"{folder} is not a folder"
            if _owner_problem(st):
                return f"{folder} {_owner_problem(st)}"
        return None

    def _trusted(self) -> bool:
        why = self.problem()
        if why is not None and (str(self.root), why) not in _WARNED:
            _WARNED.add((str(self.root), why))
            log.warning("spdsl cache: not using the kernel cache: %s (fix it, e.g. chmod go-w, or set "
                        "SPDSL_CACHE_DIR to a folder of your own); kernels are built uncached", why)
        return why is None

    def load(self, material: dict, files: tuple[str, ...] = (), functions: tuple[str, ...] = ()):
        """(module, {name: text} of the entry's named side ``files``) for ``material``, or
        None (absent, untrusted, corrupt or foreign: a corrupt or foreign entry is
        removed). ``functions``: names the module must define."""
        if not self._trusted():
            return None
        key = key_of(material)
        entry = self.path(key)
        try:
            st = os.lstat(entry)
        except FileNotFoundError:
            return None
        except OSError as e:
            log.warning("spdsl cache: cannot read entry %s (%s)", key, e.strerror or e)
            return None
        try:
            _check_owned(entry, st, stat.S_ISDIR, "a folder")
            meta_path, lib_path = entry / "meta.json", entry / "kernel.so"
            if not os.path.lexists(meta_path):
                return None  # a writer is still storing it (meta.json comes last)
            meta = json.loads(_read_owned(meta_path, MAX_META_BYTES))
            if not isinstance(meta, dict):
                raise ValueError("meta.json is not an object")
            if meta.get("material") != json.loads(json.dumps(material, sort_keys=True, default=str)):
                raise ValueError("key material differs (a foreign or colliding entry)")
            _check_owned(lib_path, os.lstat(lib_path), stat.S_ISREG, "a regular file")
            if meta.get("sha256") != _file_hash(lib_path):
                raise ValueError("library checksum differs (a truncated or edited file)")
            texts = {name: _read_owned(entry / name, MAX_META_BYTES * 64).decode() for name in files}
        except Exception as e:  # any failure means: do not trust the entry
            self._drop(entry, key, e)
            return None
        try:
            module = _load_library(lib_path, meta["sha256"])
        except Exception as e:
            if material.get("device") == "cuda":
                # checked above as ours and whole: the CUDA runtime is what is missing
                log.debug("spdsl cache: cannot load CUDA entry %s here (%s); kept", key, e)
                return None
            self._drop(entry, key, e)
            return None
        missing = [f for f in functions if not module.implements_function(f, True)]
        if missing:
            self._drop(entry, key, f"the library does not define {missing} (a foreign library)")
            return None
        return module, texts

    def drop(self, material: dict, why) -> None:
        """Remove ``material``'s entry (a caller found the loaded kernel unusable)."""
        key = key_of(material)
        self._drop(self.path(key), key, why)

    def _drop(self, entry: Path, key: str, why) -> None:
        log.warning("spdsl cache: dropping entry %s (%s)", key, why)
        _remove(entry)

    def store(self, material: dict, module, label: str | None = None,
              files: dict[str, str] | None = None) -> Path | None:
        """Write ``module`` (and side ``files``, name -> text) under ``material``'s key.
        An untrusted cache folder, a read-only or full disk or a failing linker must not
        stop the user's work: it logs and returns None (the kernel runs uncached)."""
        if not self._trusted():
            return None
        try:
            return self._store(material, module, label, files or {})
        except Exception as e:  # the built module works without its copy on disk
            log.warning("spdsl cache: cannot store kernel (%s); using it uncached", e)
            return None

    def _store(self, material: dict, module, label, files: dict[str, str]) -> Path:
        key = key_of(material)
        entry = self.path(key)
        for folder in (self.root, self.kernels):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not self._trusted():
            raise OSError("the cache folder is not private to this user")
        if os.path.islink(entry) or (os.path.lexists(entry) and not os.path.isdir(entry)):
            _remove(entry)  # never write through a link, nor next to a stray file
        try:
            entry.mkdir(mode=0o700)
        except FileExistsError:
            pass
        _check_owned(entry, os.lstat(entry), stat.S_ISDIR, "a folder")
        _clean_stale(entry)
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

    def _entry_paths(self) -> list[Path]:
        if not os.path.isdir(self.kernels) or os.path.islink(self.kernels):
            return []
        return sorted(self.kernels.iterdir())

    def entries(self) -> list[dict]:
        """Every entry, with its key material; ``corrupt`` marks one that would not load
        (not a real folder, or unreadable meta)."""
        out = []
        if not self._trusted():
            return out
        for entry in self._entry_paths():
            try:
                _check_owned(entry, os.lstat(entry), stat.S_ISDIR, "a folder")
                _clean_stale(entry)
                meta = json.loads(_read_owned(entry / "meta.json", MAX_META_BYTES))
                size = sum(os.lstat(f).st_size for f in entry.iterdir())
                out.append({"key": entry.name, "size": size, **meta.get("material", {}),
                            "label": meta.get("label"), "created": meta.get("created")})
            except (OSError, ValueError, AttributeError, TypeError):
                out.append({"key": entry.name, "corrupt": True})
        return out

    def clear(self) -> int:
        """Remove every entry; returns how many were removed (a link in place of the
        ``kernels`` folder is removed, never what it points to, and counts none)."""
        if os.path.islink(self.kernels):
            log.warning("spdsl cache: %s is a symbolic link; removed the link, not its target", self.kernels)
            os.unlink(self.kernels)
            return 0
        removed = 0
        for entry in self._entry_paths():
            _remove(entry)
            removed += not os.path.lexists(entry)
        try:
            self.kernels.rmdir()
        except OSError:
            pass  # not empty (something could not be removed) or already gone
        return removed


# dlopen hands back the library already loaded under a path, whatever the file there now
# is: a path this process loaded with other contents (an entry dropped and rebuilt) is
# loaded from a private copy instead.
_LOADED: dict[str, str] = {}


def _load_library(path: Path, sha: str):
    import tvm

    key = str(path)
    if _LOADED.setdefault(key, sha) == sha:
        return tvm.runtime.load_module(key)
    tmp = tempfile.mkdtemp(prefix="spdsl-load-")
    try:
        copy = os.path.join(tmp, f"kernel-{sha[:16]}.so")
        shutil.copyfile(path, copy)
        if _file_hash(Path(copy)) != sha:
            raise ValueError("library changed while being loaded")
        return tvm.runtime.load_module(copy)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _owner_problem(st) -> str | None:
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return f"is owned by another user (uid {st.st_uid})"
    if st.st_mode & 0o022:
        return f"is writable by other users (mode {stat.S_IMODE(st.st_mode):o})"
    return None


def _check_owned(path: Path, st, kind, what: str) -> None:
    """ValueError unless ``path`` (``st`` from lstat: links are not followed) is ``kind``
    (e.g. stat.S_ISREG), owned by this user and writable by no one else."""
    if not kind(st.st_mode):
        raise ValueError(f"{path.name} is not {what}" + (" (a symbolic link)" if stat.S_ISLNK(st.st_mode) else ""))
    why = _owner_problem(st)
    if why:
        raise ValueError(f"{path.name} {why}")


def _read_owned(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, owned by us, never through a link."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        _check_owned(path, os.fstat(fd), stat.S_ISREG, "a regular file")
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise ValueError(f"{path.name} is larger than {limit} bytes")
    return data


def _remove(path: Path) -> None:
    """Remove an entry (a link or a stray file: only it, never its target)."""
    try:
        if os.path.islink(path) or not os.path.isdir(path):
            os.unlink(path)
        else:
            shutil.rmtree(path)
    except FileNotFoundError:
        pass
    except OSError as e:
        log.warning("spdsl cache: cannot remove %s (%s)", path, e.strerror or e)


def _clean_stale(entry: Path) -> None:
    """Remove temporary files a killed writer left in ``entry`` (older than an hour)."""
    now = time.time()
    try:
        names = os.listdir(entry)
    except OSError:
        return
    for name in names:
        if not name.startswith(TEMP_PREFIXES):
            continue
        path = entry / name
        try:
            if now - os.lstat(path).st_mtime > STALE_TEMP_S:
                os.unlink(path)
                log.debug("spdsl cache: removed a stale temporary file %s", path)
        except OSError:
            pass


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
