"""Text is text and nothing goes online: markup in a profile shows literally in the window and on
the command line, pages never load resources, links leave the app only when the user agrees, and
no socket is ever opened while loading, rendering, searching, exporting or showing the window."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import main as entry
from app.model import Address
from app.ui.shell.main_window import MainWindow
from tests.conftest import ROOT
from tests.ui.conftest import MakeWindow

SCRIPT = "<script>alert('owned')</script>"
IMAGE = '<img src="file:///etc/passwd">'
ENTITY = "Fish &amp; chips &lt;b&gt;"
MARKUP_PROFILE = f"""\
schema: 1
id: markup
name: "Markup <b>land</b>"
source: {{publisher: "Publisher &amp; Co", url: "https://example.org/?a=1&b=<2>"}}
sections:
  - id: notes
    title: "{SCRIPT}"
    blocks:
      - paragraph: '{IMAGE} and <a href="file:///etc">a link</a>'
      - facts:
          - {{label: "{ENTITY}", value: "<i>6.6 million</i>", year: 2012}}
      - bullets:
          - "<h1>big</h1>"
"""
LITERALS = [SCRIPT, IMAGE, '<a href="file:///etc">a link</a>', ENTITY, "<i>6.6 million</i>", "<h1>big</h1>"]


def _blank(resource: object) -> bool:
    """The 1x1 image pages get for any picture they name (see closed_document)."""
    from PySide6.QtGui import QImage

    return isinstance(resource, QImage) and resource.width() == 1 and resource.height() == 1


@pytest.fixture
def markup_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "markup.yaml").write_text(MARKUP_PROFILE, encoding="utf-8")
    return folder


def test_markup_in_a_profile_is_shown_literally_in_the_window(make_window: MakeWindow, markup_dir: Path) -> None:
    window = make_window("--profiles-dir", str(markup_dir), "--section", "markup/notes")
    shown = window.section_view.toPlainText()
    for literal in LITERALS:
        assert literal in shown
    assert window.windowTitle().startswith(SCRIPT)
    document = window.section_view.document()
    loaded = document.resource(QTextDocument.ResourceType.ImageResource, QUrl("file:///etc/passwd"))
    assert _blank(loaded)  # a blank image, never the file's bytes


def test_markup_in_a_profile_is_printed_literally_by_text(
    markup_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert entry.main(["--profiles-dir", str(markup_dir), "text", "markup"]) == 0
    out = capsys.readouterr().out
    for literal in LITERALS:
        assert literal in out
    assert "Markup <b>land</b>" in out


def test_section_view_never_loads_a_resource_from_disk_or_network(window: MainWindow, tmp_path: Path) -> None:
    picture = tmp_path / "picture.png"
    view = window.section_view
    for url in (QUrl.fromLocalFile(str(picture)), QUrl("https://example.org/pixel.png"), QUrl("qrc:/x.png")):
        assert _blank(view.loadResource(int(QTextDocument.ResourceType.ImageResource.value), url))
        assert _blank(view.document().resource(QTextDocument.ResourceType.ImageResource, url))
        assert not view.loadResource(int(QTextDocument.ResourceType.StyleSheetResource.value), url)
    from PySide6.QtGui import QColor, QImage

    image = QImage(300, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(picture))
    for src in (QUrl.fromLocalFile(str(picture)).toString(), str(picture)):
        view.show_html(f'<p>before<img src="{src}">after</p>')
        assert view.toPlainText().replace("\ufffc", "") == "beforeafter"
        assert view.document().size().height() < 100  # not the 300-pixel picture


@pytest.fixture
def browser_calls(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str], list[bool]]:
    """Records what would be asked and opened; `answer[0]` says whether the user agrees."""
    asked: list[str] = []
    opened: list[str] = []
    answer = [False]

    def question(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Open if answer[0] else QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    def open_url(url: QUrl) -> bool:
        opened.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return asked, opened, answer


def test_web_link_opens_only_after_the_user_agrees(
    window: MainWindow, browser_calls: tuple[list[str], list[str], list[bool]]
) -> None:
    asked, opened, answer = browser_calls
    window.section_view.anchorClicked.emit(QUrl("https://un-act.org/lao-pdr/"))
    assert len(asked) == 1 and "https://un-act.org/lao-pdr/" in asked[0]
    assert opened == []
    answer[0] = True
    window.section_view.anchorClicked.emit(QUrl("https://un-act.org/lao-pdr/"))
    assert opened == ["https://un-act.org/lao-pdr/"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "smb://host/share", "ftp://x/y"])
def test_links_of_other_kinds_are_never_opened_or_offered(
    window: MainWindow, browser_calls: tuple[list[str], list[str], list[bool]], url: str
) -> None:
    asked, opened, answer = browser_calls
    answer[0] = True
    shown = window.current_address
    window.section_view.anchorClicked.emit(QUrl(url))
    assert asked == [] and opened == []
    assert window.current_address == shown


# -- no network ------------------------------------------------------------------------------


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way Python opens a connection or looks up a host now fails, and is recorded."""
    attempts: list[str] = []

    def refuse(name: str) -> object:
        def refused(*_args: object, **_kwargs: object) -> object:
            attempts.append(name)
            raise OSError(f"network use is forbidden in this test ({name})")

        return refused

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair", "create_server"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_load_render_search_export_and_window_open_no_socket(
    no_sockets: list[str], make_window: MakeWindow, markup_dir: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.library import default_folders, load_library
    from app.plaintext import profile_text
    from app.render import profile_html, section_html

    library = load_library(default_folders([markup_dir]))
    for profile in library.profiles:
        profile_text(profile)
        for section in profile.sections:
            section_html(profile, section)
        profile_html(profile, date(2026, 11, 29))
    from app.search import SearchIndex

    index = SearchIndex.build(library)
    assert index.search("trafficking")
    index.close()

    commands = [["list"], ["text"], ["search", "trafficking", "--json"], ["validate", str(markup_dir)],
                ["export-pdf", str(tmp_path / "out.pdf")]]
    for command in commands:
        assert entry.main(["--profiles-dir", str(markup_dir), *command]) == 0, capsys.readouterr().err
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")

    window = make_window("--profiles-dir", str(markup_dir))
    for profile in window.library.profiles:
        for section in profile.sections:
            assert window.open_address(Address(profile.id, section.id))
    assert no_sockets == []


def test_the_app_never_loads_network_or_tls_modules(tmp_path: Path) -> None:
    """Loading, showing, searching and a screenshot leave ssl and QtNetwork unimported."""
    script = (
        "import sys\n"
        "from app.main import main\n"
        f"main(['--screenshot', {str(tmp_path / 'shot.png')!r}, '--section', 'lao-pdr/challenges'])\n"
        "main(['search', 'trafficking'])\n"
        "bad = sorted(m for m in sys.modules if m in ('ssl', '_ssl', 'PySide6.QtNetwork', 'http.client',"
        " 'urllib.request'))\n"
        "print('LOADED', bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert "LOADED []" in result.stdout, result.stdout + result.stderr
    assert (tmp_path / "shot.png").exists()


@pytest.mark.usefixtures("window")
def test_qt_network_module_is_not_imported_by_the_window() -> None:
    assert "PySide6.QtNetwork" not in sys.modules


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils) to read the PDF")
def test_markup_in_a_profile_is_printed_literally_in_the_pdf(
    markup_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "markup.pdf"
    assert entry.main(["--profiles-dir", str(markup_dir), "export-pdf", str(target), "--profile", "markup"]) == 0
    data = target.read_bytes()
    assert b"/Subtype /Image" not in data and b"/Subtype/Image" not in data  # no picture was pulled in
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          timeout=30, check=True).stdout
    flat = " ".join(text.split())
    for literal in (SCRIPT, IMAGE, ENTITY, "<i>6.6 million</i>", "<h1>big</h1>"):
        assert literal in flat, literal


def test_markup_in_a_profile_is_shown_literally_in_search_results(
    make_window: MakeWindow, markup_dir: Path, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QLineEdit, QListWidget

    window = make_window("--profiles-dir", str(markup_dir))
    box = window.findChild(QLineEdit, "searchBox")
    results = window.findChild(QListWidget, "searchResults")
    assert box is not None and results is not None
    box.setFocus()
    qtbot.keyClicks(box, "chips")
    qtbot.waitUntil(lambda: results.count() > 0)
    shown = results.item(0).text()
    assert SCRIPT in shown and "Fish &amp; chips &lt;b&gt;" in shown


def test_settings_are_saved_by_replacing_the_file_never_rewriting_it_in_place(tmp_path: Path) -> None:
    """QSettings writes through QSaveFile: a new file renamed over the old, so a crash mid-write
    leaves the previous settings whole (a new inode each time shows the rename)."""
    from app.ui.shell.settings import Settings

    path = tmp_path / "config" / "settings.ini"
    settings = Settings(path)
    settings.zoom = 2
    settings.sync()
    first = path.stat().st_ino
    settings.zoom = 3
    settings.sync()
    assert path.stat().st_ino != first
    assert Settings(path).zoom == 3
    assert [p.name for p in path.parent.iterdir()] == ["settings.ini"]


@pytest.mark.parametrize("text", [
    "Markup <b>land</b>", "Fish &amp; chips", "a < b > c", '<img src="file:///etc/x.png">', "two  spaces", "&lt;",
])
def test_literal_text_shows_every_character_in_labels_and_tooltips(text: str) -> None:
    from PySide6.QtGui import Qt

    from app.ui.shell.widget_text import literal

    assert Qt.mightBeRichText(literal(text))  # always read the same way, whatever the text
    document = QTextDocument()
    document.setHtml(literal(text))
    assert document.toPlainText() == text


def test_a_profile_name_naming_an_image_never_loads_it_into_the_status_bar(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QImage

    picture = tmp_path / "big.png"
    image = QImage(300, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(picture))
    folder = tmp_path / "named"
    folder.mkdir()
    name = f'<img src="{QUrl.fromLocalFile(str(picture)).toString()}">'
    (folder / "named.yaml").write_text(MARKUP_PROFILE.replace('"Markup <b>land</b>"', f"'{name}'"), encoding="utf-8")
    window = make_window("--profiles-dir", str(folder), "--section", "markup/notes")
    label = window.age_label
    assert label.sizeHint().height() < 100  # one line of text, not a 300-pixel picture
    shown = QTextDocument()
    shown.setHtml(label.text())
    assert shown.toPlainText().startswith(name[:40])  # the markup as text (long names are cut)


def test_documents_for_hit_rows_and_print_outs_load_no_file(tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from app.ui.shell.closed_document import ClosedDocument

    picture = tmp_path / "picture.png"
    image = QImage(300, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(picture))
    url = QUrl.fromLocalFile(str(picture))
    open_document, closed = QTextDocument(), ClosedDocument()
    for document in (open_document, closed):
        document.setHtml(f'<p>x<img src="{url.toString()}"></p>')
    assert open_document.size().height() > 250  # a plain QTextDocument would show the file
    assert closed.size().height() < 100
    assert _blank(closed.resource(QTextDocument.ResourceType.ImageResource, url))


def test_a_very_long_profile_name_is_shortened_in_the_status_bar(make_window: MakeWindow, tmp_path: Path) -> None:
    folder = tmp_path / "long"
    folder.mkdir()
    name = "Long " * 400
    (folder / "long.yaml").write_text(MARKUP_PROFILE.replace('"Markup <b>land</b>"', name.strip()), encoding="utf-8")
    window = make_window("--profiles-dir", str(folder), "--section", "markup/notes")
    shown = QTextDocument()
    shown.setHtml(window.age_label.text())
    assert shown.toPlainText().startswith("Long Long") and len(shown.toPlainText()) < 120
    assert "…" in shown.toPlainText()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the file system must accept any bytes in a name")
def test_a_profile_named_in_latin1_opens_in_the_window_and_exports_to_pdf(
    make_window: MakeWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    from tests.conftest import minimal_profile

    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.yaml")).write_text(minimal_profile("testland"), encoding="utf-8")
    window = make_window("--profiles-dir", str(folder), "--section", "testland")
    assert window.current_address == Address("testland")
    assert "caf\\xe9.yaml" in window.section_view.toPlainText()  # the data file, spelled out
    target = tmp_path / "out.pdf"
    assert entry.main(["--profiles-dir", str(folder), "export-pdf", str(target), "--profile", "testland"]) == 0
    assert "unexpected error" not in capsys.readouterr().err
    assert target.read_bytes().startswith(b"%PDF-")
