"""The floor: a bare PySide6 window with a tree, a search box and a text browser, nothing else.

Start-up time and memory of the app are judged against this window, built with the same Python
and the same Qt, so the comparison measures our code and not the toolkit.
"""

import sys

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


def main() -> int:
    app = QApplication(sys.argv)
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
    splitter.addWidget(QTextBrowser())
    window.setCentralWidget(splitter)
    window.menuBar().addMenu("&File")
    window.statusBar()
    window.resize(1100, 720)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
