"""File menu actions for the profiles: Add Profile…, Open Profiles Folder, Reload Profiles and
Problems…, plus a status-bar button that appears when profiles have problems.

A bad file never hides the good ones: the library loads what it can, and this module makes what it
could not load visible and fixable without restarting the app.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths
from app.user_file import shown_path

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QPushButton

    from app.model import Problem
    from app.profile_install import InstallPlan
    from app.ui.features.profiles.dialog import ProblemsDialog
    from app.ui.shell.main_window import MainWindow


def problems_notice(problems: tuple[Problem, ...]) -> str:
    errors = sum(1 for p in problems if p.is_error)
    if errors:
        return f"{errors} problem{'s' if errors != 1 else ''} in profiles"
    return f"{len(problems)} note{'s' if len(problems) != 1 else ''} on profiles" if problems else ""


class ProfilesFeature:
    """The profile actions of one window and the status bar's problems button."""

    def __init__(self, window: MainWindow) -> None:
        """The problems button is on screen from the first paint (when there are problems); the
        File menu's entries and their keys come after it."""
        from PySide6.QtWidgets import QPushButton

        self.window = window
        self.dialog: ProblemsDialog | None = None
        self._entries_added = False  # the File menu's entries come after the first paint
        self.button: QPushButton = QPushButton()
        self.button.setObjectName("problemsButton")
        self.button.setFlat(True)
        self.button.setToolTip("Show the problems found in profile files")
        self.button.clicked.connect(self.show_problems)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)
        window.library_changed.connect(self.update_notice)
        if window.has_library:  # else set_library will tell; the model is not even imported yet
            self.update_notice()
        window.after_first_paint(self._add_actions)

    def _add_actions(self) -> None:
        from PySide6.QtGui import QKeySequence

        from app.ui.shell.menus import MenuPlace

        window = self.window
        add, menu = window.add_action, MenuPlace.FILE
        window.add_separator(menu)
        self.add_profile_action = add(menu, "&Add Profile…", self.add_profile, "Ctrl+Shift+O",
                                      "Check a profile file and copy it into your profiles folder")
        self.open_folder_action = add(menu, "Open Profiles &Folder", self.open_profiles_folder,
                                      tip="Show the folder the app reads your own profiles from")
        self.reload_action = add(menu, "&Reload Profiles", self.reload, QKeySequence.StandardKey.Refresh,
                                 "Read all profiles again, after files were added or changed")
        self.problems_action = add(menu, "Pro&blems…", self.show_problems,
                                   tip="Profile files that could not be read, and why")
        self.only_verified_action = add(menu, "Only &Verified Profiles", self._on_only_verified_triggered,
                                        tip="Load only profiles signed by a publisher you trust")
        self.only_verified_action.setCheckable(True)
        settings = window.settings
        self.only_verified_action.setChecked(settings.only_verified)
        if settings.only_verified_enforced:
            self.only_verified_action.setEnabled(False)
            self.only_verified_action.setStatusTip("Set for every user of this computer by your organisation")
        self._entries_added = True
        self.problems_action.setEnabled(window.has_library and bool(window.library.problems))

    def update_notice(self) -> None:
        """The status-bar button says how many problems there are, and hides when there are none."""
        text = problems_notice(self.window.library.problems)
        self.button.setText(text)
        self.button.setVisible(bool(self.window.library.errors))
        if self._entries_added:
            self.problems_action.setEnabled(bool(self.window.library.problems))

    def show_problems(self) -> ProblemsDialog:
        from app.ui.features.profiles.dialog import ProblemsDialog

        problems = self.window.library.problems
        intro = ("These profile files could not be read and are not shown; the other profiles are. "
                 "Fix a file, then use File > Reload Profiles." if any(p.is_error for p in problems)
                 else "All profile files were read.")
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = ProblemsDialog(problems, "Problems in profiles", intro, self.window)
        self.dialog.open()
        return self.dialog

    def reload(self) -> None:
        library = self.window.library_source.load()
        self.window.set_library(library)
        count = len(library.profiles)
        self.window.statusBar().showMessage(f"{count} profile{'s' if count != 1 else ''} read", 5000)

    def choose_file(self) -> Path | None:
        """The file picker; a separate method so tests can answer it."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.window, "Add Profile", str(Path.home()), "Profiles (*.yaml *.yml);;All files (*)"
        )
        return Path(name) if name else None

    def confirm_add(self, plan: InstallPlan) -> bool:
        """Who vouches for the file, and what it would replace, before anything is written."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        assert plan.profile is not None and plan.trust is not None
        question = plan.question or "Add it to your profiles folder?"
        box = QMessageBox(QMessageBox.Icon.Question, "Replace the profile?" if plan.question else "Add the profile?",
                          f"{plan.profile.name} ({plan.profile_id}): {plan.trust.detail}.\n\n{question}",
                          QMessageBox.StandardButton.Cancel, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the name and the comment are the file's text
        add = box.addButton("Replace" if plan.question else "Add", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is add

    def _on_only_verified_triggered(self) -> None:
        from app.records import replace

        checked = self.only_verified_action.isChecked()
        settings = self.window.settings
        settings.only_verified = checked
        settings.sync()
        self.window.library_source = replace(self.window.library_source, only_verified=checked)
        self.reload()

    def add_profile(self, source: Path | None = None) -> None:
        """Check a file and copy it into the profiles folder (asking before it replaces one), or show
        why it was refused."""
        from app.model import Address
        from app.profile_install import install_planned, plan_install
        from app.ui.features.profiles.dialog import ProblemsDialog

        source = source or self.choose_file()
        if source is None:
            return
        plan = plan_install(source)
        if plan.installable and not self.confirm_add(plan):
            return
        result = install_planned(plan, replace=plan.question is not None)
        if not result.added:
            if self.dialog is not None:
                self.dialog.close()
            self.dialog = ProblemsDialog(
                result.problems, "Profile not added",
                f"{shown_path(source.name)} was not added: fix these problems and add it again.", self.window,
            )
            self.dialog.open()
            return
        self.reload()
        assert result.profile_id is not None and result.target is not None
        self.window.open_address(Address(result.profile_id))
        verb = "replaced" if result.replaced else "added"
        if result.backup is not None:
            verb += f" (the old file is kept as {shown_path(result.backup)})"
        trust = f" — {result.trust.summary}" if result.trust is not None else ""
        self.window.statusBar().showMessage(
            f"Profile {result.profile_id} {verb}: {shown_path(result.target)}{trust}", 8000
        )

    def open_profiles_folder(self) -> None:
        from PySide6.QtCore import QUrl

        folder = paths.user_profiles_dir()
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        if not open_url(QUrl.fromLocalFile(str(folder))):
            self.window.statusBar().showMessage(f"Your profiles folder is {shown_path(folder)}", 10000)


def open_url(url: QUrl) -> bool:
    """Hand a local folder to the file manager (a local path, never a network address)."""
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(url)

