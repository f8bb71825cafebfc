"""`sourcecrit import page.html`, `read page.html` and `read -`: articles from elsewhere."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.articles import load_article
from tui.importing import (
    INSTALL_HINT,
    ImportFailure,
    article_text,
    extract_html,
    import_html,
    read_stdin_article,
    slugify,
)

REPO = Path(__file__).resolve().parent.parent

PARAGRAPHS = [
    "Selon le ministère de l'Intérieur, les orages ont privé d'électricité 40 000 foyers du "
    "Var dans la nuit de mardi à mercredi, et les pompiers sont intervenus plus de 300 fois.",
    "« Nous n'avions jamais vu autant de grêle en mai », a déclaré le maire de Draguignan, "
    "qui a demandé la reconnaissance de l'état de catastrophe naturelle pour sa commune.",
    "D'après Météo-France, un nouvel épisode orageux pourrait toucher le département jeudi.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Orages dans le Var : 40 000 foyers privés d'électricité | Var-Matin</title>
<meta property="og:title" content="Orages dans le Var : 40 000 foyers privés d'électricité">
<meta property="og:site_name" content="Var-Matin">
<meta name="author" content="Claire Martin">
<meta property="article:published_time" content="2025-05-14T08:30:00+02:00">
<link rel="canonical" href="https://www.varmatin.example/orages-var">
</head><body>
<nav><a href="/">Accueil</a> <a href="/sport">Sport</a> Menu principal du site</nav>
<article><h1>Orages dans le Var : 40 000 foyers privés d'électricité</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article>
<footer>© Var-Matin. Tous droits réservés. Mentions légales. Cookies.</footer>
</body></html>"""

# The real command line, optionally in an interpreter where trafilatura cannot be imported.
DRIVER = """
import sys
if "--no-trafilatura" in sys.argv:
    sys.argv.remove("--no-trafilatura")
    sys.modules["trafilatura"] = None  # import trafilatura now raises ImportError
from tui.cli import main
sys.exit(main())
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", DRIVER, *args], capture_output=True, cwd=cwd, env=env, timeout=120
    )


def test_without_trafilatura_the_message_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(ImportFailure, match=r"pip install 'sourcecrit\[html\]'"):
        extract_html(PAGE.encode())
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    proc = run("import", "page.html", "--no-trafilatura", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == f"sourcecrit: {INSTALL_HINT}"
    assert not (tmp_path / "articles").exists()


def test_import_html_saves_an_article_with_front_matter(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    page = tmp_path / "saved page.html"
    page.write_text(PAGE, encoding="utf-8")
    path = import_html(page, tmp_path)
    assert (
        path == tmp_path / "articles" / "orages-dans-le-var-40-000-foyers-prives-d-electricite.txt"
    )
    article = load_article(path)
    assert article.meta.title == "Orages dans le Var : 40 000 foyers privés d'électricité"
    assert article.meta.author == "Claire Martin"
    assert article.meta.published == "2025-05-14"
    assert article.meta.outlet == "Var-Matin"
    assert article.meta.url == "https://www.varmatin.example/orages-var"
    assert article.language == "fr"
    # The article's paragraphs, and nothing of the menu or the footer.
    assert article.body == "\n\n".join(PARAGRAPHS)
    assert len(article.paragraphs) == 3
    # Importing the same page again reuses the file; another text with the same title does not.
    assert import_html(page, tmp_path) == path
    page.write_text(PAGE.replace("300 fois", "400 fois"), encoding="utf-8")
    assert import_html(page, tmp_path).name.endswith("-electricite-2.txt")


def test_import_command_prints_the_path(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    proc = run("import", "page.html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    printed = Path(proc.stdout.decode().strip())
    assert printed.is_file() and printed.parent == tmp_path / "articles"


def test_page_without_an_article_is_one_clear_line(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    (tmp_path / "menu.html").write_text(
        "<html><body><nav><a href='/'>Accueil</a> <a href='/a'>Actualités</a></nav></body></html>"
    )
    proc = run("import", "menu.html", cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.decode().strip().splitlines()
    assert lines == ["sourcecrit: menu.html: no article text found in this page"]
    one_line = run("import", "missing.html", cwd=tmp_path).stderr.decode().strip().splitlines()
    assert len(one_line) == 1 and "missing.html" in one_line[0]


def test_read_argument_imports_web_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("trafilatura")
    from tui.cli_export import article_for_read

    (tmp_path / "page.htm").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    opened = article_for_read("page.htm")
    assert isinstance(opened, str) and opened.endswith(".txt") and Path(opened).is_file()
    assert article_for_read("articles/x.txt") == "articles/x.txt"


def test_front_matter_is_safe_yaml() -> None:
    meta = {"title": 'Un titre: "piégé" --- #1', "author": "- liste ?"}
    text = article_text(meta, "Corps.")
    from tui.articles import parse_article

    article = parse_article(text)
    assert article.meta.title == meta["title"] and article.meta.author == meta["author"]
    assert article.body == "Corps."


def test_slugify() -> None:
    assert slugify("Orages : « 40 000 » foyers privés d’électricité") == (
        "orages-40-000-foyers-prives-d-electricite"
    )
    assert slugify("¿¡!") == "article"
    assert len(slugify("x" * 500)) == 60


def test_read_stdin_article() -> None:
    data = b"---\ntitle: Piped\n---\nSelon X, la pluie tombe.\n"
    article = read_stdin_article(io.BytesIO(data))
    assert article.path == "<stdin>"
    assert article.meta.title == "Piped"
    assert article.body == "Selon X, la pluie tombe."
