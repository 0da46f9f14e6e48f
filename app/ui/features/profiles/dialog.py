"""A dialog listing profile problems as file, position and message, all shown as plain text.

Used for the library's problems (File > Problems…) and for a file refused by File > Add Profile….
Messages quote what the files contain, so they go into item text, never into rich text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.model import Problem
from app.ui.shell.widget_text import literal


def file_name(path: str) -> str:
    """The last part of a shown path ("bad_profiles/alias-bomb.yaml" -> "alias-bomb.yaml")."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def position_text(problem: Problem) -> str:
    if problem.line is None:
        return ""
    return f"{problem.line}:{problem.column or 1}"


class ProblemsDialog(QDialog):
    """File, position and message of each problem, with a button that copies them all."""

    def __init__(
        self, problems: Sequence[Problem], title: str, intro: str, parent: QWidget | None = None
    ) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(title)
        self._problems = tuple(problems)
        layout = QVBoxLayout(self)

        label = QLabel(intro)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        layout.addWidget(label)

        self.problem_list = self._problem_list()
        layout.addWidget(self.problem_list, 1)

        # The chosen problem in full: a long message or path is cut off in the list's columns.
        self.details = QPlainTextEdit()
        self.details.setObjectName("problemDetails")
        self.details.setAccessibleName("The chosen problem in full")
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(self.details.fontMetrics().lineSpacing() * 4 + 12)
        layout.addWidget(self.details)
        self.problem_list.currentItemChanged.connect(self._on_problem_list_current_item_changed)
        first = self.problem_list.topLevelItem(0)
        if first is not None:
            self.problem_list.setCurrentItem(first)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("&Copy All", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_all)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def _problem_list(self) -> QTreeWidget:
        from PySide6.QtCore import Qt

        problem_list = QTreeWidget()
        problem_list.setObjectName("problemsList")
        problem_list.setAccessibleName("Problems")
        problem_list.setRootIsDecorated(False)
        problem_list.setAlternatingRowColors(True)
        problem_list.setHeaderLabels(["File", "Position", "Message"])
        for problem in self._problems:
            message = problem.message if problem.is_error else f"note: {problem.message}"
            item = QTreeWidgetItem([problem.path, position_text(problem), message])
            item.setToolTip(0, literal(problem.path))  # messages quote the file's text: never markup
            item.setToolTip(2, literal(message))
            problem_list.addTopLevelItem(item)
        for column in (0, 1):
            problem_list.resizeColumnToContents(column)
        # A long path loses its folder, never its file name: elided on the left, and the column at
        # least as wide as the longest name (the whole path is the item's tooltip and shown below).
        problem_list.setTextElideMode(Qt.TextElideMode.ElideLeft)
        metrics = problem_list.fontMetrics()
        names = max((metrics.horizontalAdvance("…/" + file_name(p.path)) for p in self._problems), default=0)
        problem_list.setColumnWidth(0, min(problem_list.columnWidth(0), max(300, names + 24)))
        return problem_list

    def _on_problem_list_current_item_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        row = self.problem_list.indexOfTopLevelItem(current) if current is not None else -1
        self.details.setPlainText(self.lines()[row] if row >= 0 else "")

    def lines(self) -> list[str]:
        """FILE:LINE:COL: message, as `main.py validate` prints them."""
        return [str(p) if p.is_error else str(Problem(p.path, "note: " + p.message, p.line, p.column))
                for p in self._problems]

    def copy_all(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText("\n".join(self.lines()) + "\n")
