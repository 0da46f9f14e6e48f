"""The floor: a bare PySide6 window with a tree, a search box and a text browser, nothing else.

Start-up time and memory of the app are judged against this window, built with the same Python
and the same Qt, so the comparison measures our code and not the toolkit. With `--html FILE` the
text browser shows that page (bench/first_page_html.py writes the app's first page), so the first
paint lays out as much text as the app's; with TIP_REFERENCE_PAINT_FILE set it writes the time of
the moment its text browser is first painted to that file, as the app does (app/ui/shell/first_paint.py).

    python bench/bare_window.py [--html FILE]
"""

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

_PAINT = 12  # QEvent.Type.Paint


class FirstPaint(QObject):
    """The same watcher as the app's (app/ui/shell/first_paint.py): at the first Paint event of
    the text browser it stops watching, and from the event loop right after that paint it writes
    the time."""

    def __init__(self, target: str, watched: QWidget) -> None:
        super().__init__(watched)
        self.target = target
        self.watched = watched

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if self.target and int(event.type()) == _PAINT:
            self.watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.write)
        return False

    def write(self) -> None:
        with open(self.target, "w", encoding="utf-8") as handle:
            handle.write(f"{time.time():.6f}\n")
        self.target = ""


def main() -> int:
    html = None
    if "--html" in sys.argv:
        with open(sys.argv[sys.argv.index("--html") + 1], encoding="utf-8") as page:
            html = page.read()
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    model = QStandardItemModel()
    root = QStandardItem("Profile")
    for n in range(6):
        root.appendRow(QStandardItem(f"Section {n + 1}"))
    model.appendRow(root)
    tree = QTreeView()
    tree.setHeaderHidden(True)
    tree.setModel(model)
    tree.expandAll()
    side = QWidget()
    layout = QVBoxLayout(side)
    layout.addWidget(QLineEdit())
    layout.addWidget(tree)
    splitter = QSplitter()
    splitter.addWidget(side)
    browser = QTextBrowser()
    target = os.environ.get("TIP_REFERENCE_PAINT_FILE")
    if target:
        browser.installEventFilter(FirstPaint(target, browser))
    splitter.addWidget(browser)
    window.setCentralWidget(splitter)
    window.menuBar().addMenu("&File")
    window.statusBar()
    window.resize(1100, 720)
    window.show()
    if html is not None:
        browser.setHtml(html)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
