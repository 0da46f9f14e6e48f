"""Run-time hook of the built app (build.spec): PyInstaller runs it before its own hooks.

PyInstaller's hook for PySide6 imports PySide6.QtCore before the app's entry runs, so in a built
app that import, shiboken6's start-up and the enums they build would run with the cyclic
collector walking them every 700 allocations. The collector is held here instead, as
app/main.py holds it from source before it imports Qt (see app/memory.py); a command-line
command lets it run again (app/main.py), a window once its first page is painted.
"""

from app.memory import hold_collection

hold_collection()
