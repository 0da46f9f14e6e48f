"""File menu entries for paper and PDF: Print (Ctrl+P), Print Whole Profile, Export PDF and the
one-page country card. Layout and painting are in layout.py, the content in app/print_pages.py."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice

    from app.print_pages import PrintJob
    from app.ui.shell.main_window import MainWindow

PDF_FILTER = "PDF documents (*.pdf)"


class PrintingFeature(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.after_first_paint(self._add_entries)  # menu entries: nothing to paint before File is opened

    def _add_entries(self) -> None:
        from PySide6.QtGui import QKeySequence

        from app.ui.shell.menus import MenuPlace

        add, menu = self.window.add_action, MenuPlace.FILE
        self.print_action = add(menu, "&Print…", lambda: self.ask_print(whole_profile=False),
                                QKeySequence.StandardKey.Print, "Print the open section")
        self.print_profile_action = add(menu, "Print &Whole Profile…", lambda: self.ask_print(whole_profile=True),
                                        "Ctrl+Shift+P", "Print every section of the open profile")
        self.export_pdf_action = add(menu, "&Export PDF…", self.ask_export_pdf, "Ctrl+Shift+E",
                                     "Save the open section or the whole profile as a PDF")
        self.export_card_action = add(menu, "Export &Country Card…", self.ask_export_card, None,
                                      "Quick facts and contacts on one page, as a PDF")

    # -- what to print -----------------------------------------------------------------------

    def job(self, whole_profile: bool) -> PrintJob | None:
        """The open section (or the whole profile, also when its own page is open), or None."""
        from app.print_pages import profile_job, section_job

        current = self.window.current_address
        resolved = self.window.library.resolve(current.section_address) if current else None
        if resolved is None:
            return None
        profile, section = resolved
        if whole_profile or section is None:
            return profile_job(profile, self.window.today)
        return section_job(profile, section, self.window.today)

    def card_job(self) -> PrintJob | None:
        from app.print_pages import card_job

        current = self.window.current_address
        profile = self.window.library.profile(current.profile) if current else None
        return card_job(profile, self.window.today) if profile else None

    # -- doing it ----------------------------------------------------------------------------

    def print_to(self, device: QPagedPaintDevice, whole_profile: bool) -> int:
        from app.ui.features.printing.layout import paint_jobs

        job = self.job(whole_profile)
        return paint_jobs(device, [job]) if job else 0

    def export_pdf(self, target: Path, whole_profile: bool) -> bool:
        return self._write(target, self.job(whole_profile))

    def export_card(self, target: Path) -> bool:
        return self._write(target, self.card_job())

    def _write(self, target: Path, job: PrintJob | None) -> bool:
        from app.ui.features.printing.layout import PrintError, write_pdf

        if job is None:
            self.window.statusBar().showMessage("No page is open: there is nothing to export.", 5000)
            return False
        try:
            pages = write_pdf(target, [job])
        except PrintError as exc:
            self.window.tell("Not saved", str(exc))
            return False
        self.window.statusBar().showMessage(f"Saved {pages} page{'s' if pages != 1 else ''} to {target}", 8000)
        return True

    # -- with dialogs ------------------------------------------------------------------------

    def ask_print(self, whole_profile: bool) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from app.ui.features.printing.layout import PrintError, setup_page

        job = self.job(whole_profile)
        if job is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(job.title)
        setup_page(printer)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(f"Print {job.title}")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            pages = self.print_to(printer, whole_profile)
        except PrintError as exc:
            self.window.tell("Not printed", str(exc))
            return
        self.window.statusBar().showMessage(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer", 5000)

    def _ask_file(self, title: str, name: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getSaveFileName(self.window, title, str(Path.home() / name), PDF_FILTER)
        if not chosen:
            return None
        target = Path(chosen)
        return target if target.suffix.lower() == ".pdf" else target.with_name(target.name + ".pdf")

    def ask_export_pdf(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        current = self.window.current_address
        if current is None:
            return
        whole = current.section is None
        if not whole:
            box = QMessageBox(QMessageBox.Icon.Question, "Export PDF", "Export the open section or the whole profile?",
                              QMessageBox.StandardButton.Cancel, self.window)
            section_button = box.addButton("This &Section", QMessageBox.ButtonRole.AcceptRole)
            profile_button = box.addButton("&Whole Profile", QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(section_button)
            box.exec()
            if box.clickedButton() not in (section_button, profile_button):
                return
            whole = box.clickedButton() is profile_button
        name = current.profile if whole else f"{current.profile}-{current.section}"
        target = self._ask_file("Export PDF", f"{name}.pdf")
        if target is not None:
            self.export_pdf(target, whole)

    def ask_export_card(self) -> None:
        current = self.window.current_address
        if current is None:
            return
        target = self._ask_file("Export Country Card", f"{current.profile}-card.pdf")
        if target is not None:
            self.export_card(target)

