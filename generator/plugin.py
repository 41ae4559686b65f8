"""The MkDocs plugin ``gongkai``: a thin adapter over :mod:`generator.site`.

``docs_dir`` is the project's ``content/`` folder (so ``mkdocs serve`` watches
it); its files are sources, never pages: they are all dropped and replaced by
the pages and downloads :func:`generator.site.generate` makes from the model.

Material prints titles and the site name as markup: generator.site escapes
them once and they are marked safe here (no double escaping in attributes).
Each page's content is cleaned by :func:`generator.safehtml.clean_page` and
each page carries the Content-Security-Policy of :mod:`generator.site.csp`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from pathlib import Path
from types import SimpleNamespace

from markupsafe import Markup, escape

from . import engine

engine.select()  # before the first mkdocs import: ProperDocs when installed

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from .commands.common import build_date, is_project
from .content import load_project
from .messages import render
from .safehtml import clean_page
from .site import SiteError, board_assets, generate, read_history
from .site.csp import policy, theme_inline_scripts
from .site.offline import needed_theme_file, neutralise_urls
from .site.pages import NAV_MAX_OFFICES
from .site.search import user_dictionary, whole_last_word, whole_pages
from .site.theme import FAVICON, footer_html, logo_path, palette, theme_words

log = logging.getLogger("mkdocs.plugins.gongkai")


class DateOption(c.BaseConfigOption[dt.date]):
    """A ``YYYY-MM-DD`` date (YAML may already have parsed it)."""

    def run_validation(self, value: object) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise c.ValidationError(f"not a date (YYYY-MM-DD): {value}") from None


class GongkaiConfig(base.Config):
    date = c.Optional(DateOption())  # build date; default SOURCE_DATE_EPOCH, else today
    boards_dir = c.Optional(c.Dir(exists=True))  # rendered boards/ and booklets/ to publish
    nav_max_offices = c.Type(int, default=NAV_MAX_OFFICES)  # more offices: none in the sidebar


class GongkaiPlugin(BasePlugin[GongkaiConfig]):
    loaded = None  # (project, date) handed over by `gongkai build`, which already reported problems
    words = None  # the jieba user dictionary file given to the search plugin

    def on_config(self, config):
        logging.getLogger("jieba").setLevel(logging.WARNING)  # no dictionary-loading chatter
        docs = Path(config.docs_dir)
        root = docs.parent
        if docs.name != "content" or not is_project(root):
            raise PluginError(render("no-project", "zh", path=root)
                              + " (docs_dir must be the project's content/ folder)")
        if not config.use_directory_urls:
            raise PluginError("gongkai needs use_directory_urls: true (its URLs are a public contract)")
        if self.loaded is not None:
            project, on = self.loaded
        else:
            on = build_date(SimpleNamespace(date=self.config.date))
            project, report = load_project(root, on)
            for diagnostic in report.sorted():
                (log.error if diagnostic.severity == "error" else log.warning)(diagnostic.format())
            if report.has_errors():
                raise PluginError(report.summary())
        self.root = root
        self.boards_dir = Path(self.config.boards_dir) if self.config.boards_dir else None
        self.assets = board_assets(self.boards_dir)
        try:
            self.output = generate(project, on, history=read_history(root), assets=self.assets,
                                   nav_max_offices=self.config.nav_max_offices)
        except SiteError as error:
            raise PluginError(f"office ids that would take a reserved URL: {error}") from None
        language = project.site.language
        config.site_name = escape(project.site.title)
        if project.site.url and not config.site_url:
            config.site_url = project.site.url
        for extension in ("sane_lists", "generator.markdown_ext", "generator.markdown_ext:PhoneLinks"):
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.theme["language"] = language
        config.theme["palette"] = palette(project.site)
        config.theme["favicon"] = FAVICON
        self.logo = (root / project.site.logo, logo_path(project.site)) if project.site.logo else None
        config.theme["logo"] = self.logo[1] if self.logo else None
        config.copyright = footer_html(project.site) or None
        config.extra["gongkai"] = theme_words(language)
        self.languages = [language]
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None:
            search.config.lang = self.languages
            self.remove_words()
            handle, self.words = tempfile.mkstemp(prefix="gongkai-words-", suffix=".txt")
            with os.fdopen(handle, "w", encoding="utf-8") as out:  # read by search's on_config
                out.write(user_dictionary(project))
            search.config.jieba_dict_user = self.words
        config.nav = self.output.nav
        return config

    def on_files(self, files, *, config):
        docs = Path(config.docs_dir).resolve()
        for file in list(files):
            if file.src_dir and Path(file.src_dir).resolve() == docs:
                files.remove(file)  # content sources (YAML, Markdown, CSV) are never published
            elif not needed_theme_file(file.src_uri, self.languages):
                files.remove(file)
        for page in self.output.pages:
            files.append(File.generated(config, page.src_uri, content=page.markdown()))
        for download in self.output.downloads:
            files.append(File.generated(config, download.path, content=download.content))
        if self.logo:
            files.append(File.generated(config, self.logo[1], content=self.logo[0].read_bytes()))
        for asset in sorted(self.assets):
            files.append(File(asset, src_dir=str(self.boards_dir), dest_dir=config.site_dir,
                              use_directory_urls=config.use_directory_urls))
        return files

    def on_nav(self, nav, *, config, files):
        stack = list(nav.items)
        while stack:
            item = stack.pop()
            if item.title:
                item.title = Markup(item.title)  # escaped by generator.site.nav
            stack.extend(getattr(item, "children", None) or [])
        return nav

    def on_page_markdown(self, markdown, *, page, config, files):
        if page.meta.get("title"):
            page.meta["title"] = Markup(page.meta["title"])  # escaped by generator.site.outputs
        return markdown

    def on_page_content(self, html, *, page, config, files):
        return clean_page(html)

    def on_env(self, env, *, config, files):
        self.env, self.policies = env, {}
        return env

    def on_template_context(self, context, *, template_name, config):
        return self._with_policy(context)

    def on_page_context(self, context, *, page, config, nav):
        return self._with_policy(context)

    def _with_policy(self, context):
        """The page's Content-Security-Policy (it depends on the page only through base_url)."""
        key = context.get("base_url")
        if key not in self.policies:
            self.policies[key] = policy(theme_inline_scripts(self.env, context))
        context["gongkai_csp"] = self.policies[key]
        return context

    def remove_words(self):
        if self.words is not None:
            Path(self.words).unlink(missing_ok=True)
            self.words = None

    def on_build_error(self, *, error):
        self.remove_words()

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config):
        self.remove_words()
        index = Path(config.site_dir, "search", "search_index.json")
        if index.is_file():
            index.write_text(whole_pages(index.read_text(encoding="utf-8")), encoding="utf-8")
        for script in sorted(Path(config.site_dir, "assets", "javascripts").rglob("*.js")):
            text = script.read_text(encoding="utf-8")
            safe = neutralise_urls(text)
            if script.parent.name == "workers" and script.name.startswith("search."):
                patched = whole_last_word(safe)
                if patched is None:
                    log.warning("this Material version's search worker is not the one gongkai knows: "
                                "Chinese queries keep Material's own word splitting")
                safe = patched or safe
            if safe != text:
                script.write_text(safe, encoding="utf-8")

    def on_serve(self, server, *, config, builder):
        boards = self.root / "boards"
        if boards.is_dir():
            server.watch(str(boards))
        return server
