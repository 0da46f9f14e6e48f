"""Takes PySide6's import hook out of every import the app makes after PySide6 itself.

On import PySide6 replaces `builtins.__import__` with a hook for its opt-in `__feature__` switches
(`from __feature__ import snake_case`), which this app does not use. The hook runs Python code for
every import statement, and for each new module reads its source to see whether it mentions
"PySide6"; inspect.getsource then keeps every such file in linecache, about 3 MiB for this app,
for the life of the process. A start runs a few hundred import statements and imports some 65 of
the app's modules before its first paint: with the hook that took about 7 million instructions
more (measured with callgrind to the first paint).

PySide6 keeps the import it replaced as `builtins.__orig_import__`; putting it back leaves every
module to Python's own import. A module that is not registered with the hook reads PySide6's
types without any feature, as one registered without a feature does. Should PySide6 change its
internals (no saved import, or a hook of another name), nothing is replaced and nothing breaks.
"""

from __future__ import annotations

import builtins


def restore_plain_import() -> bool:
    """Python's own `__import__` back in place of PySide6's hook; whether it was replaced."""
    hook = getattr(builtins, "__feature_import__", None)
    plain = getattr(builtins, "__orig_import__", None)
    if hook is None or plain is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = plain
    return True
