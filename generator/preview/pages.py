"""The preview's own pages: the problems page shown while content has errors, and the board proofs.

Every page links only ``/_gongkai/preview.css`` and ``/_gongkai/preview.js``
(same origin, no inline script or style), so a Content-Security-Policy of
``script-src 'self'`` holds in the preview too.
"""

from __future__ import annotations

from html import escape

from ..diagnostics import Diagnostic

PREFIX = "/_gongkai/"

TEXT = {
    "zh": {
        "errors_title": "内容有错误，网站暂不能预览",
        "errors_lead": "gongkai check 发现下面的问题（{summary}）。改正并保存文件后，本页会自动刷新。",
        "build_failed": "网站生成失败：{detail}",
        "boards_title": "公开栏校样",
        "boards_lead": "每块公开栏当前内容的校样图，内容修改后自动重新生成（未改动的版面直接取自缓存）。",
        "no_boards": "这个项目还没有公开栏版面（boards/ 下没有 .yml 文件）。",
        "board_title": "公开栏校样：{board}",
        "board_lead": "{office}，{quarter}，共 {sheets} 张。印刷文件：{pdf}",
        "board_overflow": "一张排不下，已用最小字号续排：请精简内容或改用更大幅面。",
        "boards_unavailable": "无法生成公开栏校样：{detail}。网站预览不受影响；"
                              "公开栏需要 WeasyPrint 的系统库（Windows 上请在 WSL 或 CI 中生成，见 docs/boards.md）。",
        "boards_problems": "公开栏有以下问题，校样未生成：",
        "unknown_board": "没有这个版面：{board}",
        "back_site": "返回网站",
        "back_boards": "全部公开栏",
        "bar": "预览",
        "bar_boards": "公开栏校样",
    },
    "en": {
        "errors_title": "The content has errors: the site cannot be previewed",
        "errors_lead": "gongkai check found these problems ({summary}). Fix and save the files: this page reloads by itself.",
        "build_failed": "the site could not be built: {detail}",
        "boards_title": "Board proofs",
        "boards_lead": "A proof of each board as its content stands; re-rendered on change (unchanged boards come from the cache).",
        "no_boards": "This project has no board layouts yet (no .yml files in boards/).",
        "board_title": "Board proof: {board}",
        "board_lead": "{office}, {quarter}, {sheets} sheet(s). Print file: {pdf}",
        "board_overflow": "It did not fit on one sheet and runs on at the smallest size: shorten the content or use a larger size.",
        "boards_unavailable": "board proofs cannot be rendered: {detail}. The site preview works; boards need "
                              "WeasyPrint's system libraries (on Windows, render them in WSL or CI; see docs/boards.md).",
        "boards_problems": "The boards have these problems, so no proof was rendered:",
        "unknown_board": "No such board: {board}",
        "back_site": "Back to the site",
        "back_boards": "All boards",
        "bar": "Preview",
        "bar_boards": "Board proofs",
    },
}


def text(language: str, key: str, **values) -> str:
    return TEXT.get(language, TEXT["zh"])[key].format(**values)


def head_tags(generation: int) -> str:
    """The tags the preview adds to every page: its script (which reloads on change) and style."""
    return (f'<link rel="stylesheet" href="{PREFIX}preview.css">'
            f'<script src="{PREFIX}preview.js" data-generation="{generation}" defer></script>')


def _page(language: str, title: str, body: str, generation: int, kind: str) -> bytes:
    html = (f'<!doctype html>\n<html lang="{"en" if language == "en" else "zh-CN"}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n{head_tags(generation)}\n</head>\n"
            f'<body class="gk-preview gk-preview-{kind}">\n<main>\n<h1>{escape(title)}</h1>\n{body}\n</main>\n'
            "</body>\n</html>\n")
    return html.encode("utf-8")


def problems_list(problems: list[Diagnostic]) -> str:
    """The problems as ``gongkai check`` prints them, one per line: file:line:col, severity, message."""
    items = []
    for d in problems:
        items.append(f'<li class="gk-{d.severity}"><code class="gk-where">{escape(d.path)}:{d.line}:{d.col}</code> '
                     f'<span class="gk-code">{d.severity}[{escape(d.code)}]</span> '
                     f'<span class="gk-message">{escape(d.message)}</span></li>')
    return '<ol class="gk-problems">\n' + "\n".join(items) + "\n</ol>"


def error_page(language: str, problems: list[Diagnostic], summary: str, generation: int,
               build_error: str | None = None) -> bytes:
    body = f"<p>{escape(text(language, 'errors_lead', summary=summary))}</p>\n"
    if build_error:
        body += f'<p class="gk-error">{escape(text(language, "build_failed", detail=build_error))}</p>\n'
    body += problems_list(problems)
    return _page(language, text(language, "errors_title"), body, generation, "errors")


def boards_page(language: str, boards: list[tuple[str, str]], generation: int) -> bytes:
    """``boards``: (board id, its office's name)."""
    if not boards:
        body = f"<p>{escape(text(language, 'no_boards'))}</p>"
    else:
        body = f"<p>{escape(text(language, 'boards_lead'))}</p>\n<ul>\n" + "\n".join(
            f'<li><a href="{PREFIX}boards/{escape(b)}/">{escape(b)}</a> {escape(office)}</li>' for b, office in boards
        ) + "\n</ul>"
    body += f'\n<p><a href="/">{escape(text(language, "back_site"))}</a></p>'
    return _page(language, text(language, "boards_title"), body, generation, "boards")


def board_page(language: str, board: str, generation: int, *, png: str | None = None, office: str = "",
               quarter: str = "", sheets: int = 1, pdf: str = "", unavailable: str | None = None,
               problems: list[Diagnostic] | None = None) -> bytes:
    if unavailable:
        body = f'<p class="gk-error">{escape(text(language, "boards_unavailable", detail=unavailable))}</p>'
    elif problems:
        body = f"<p>{escape(text(language, 'boards_problems'))}</p>\n{problems_list(problems)}"
    elif png is None:
        body = f'<p class="gk-error">{escape(text(language, "unknown_board", board=board))}</p>'
    else:
        body = f"<p>{escape(text(language, 'board_lead', office=office, quarter=quarter, sheets=sheets, pdf=pdf))}</p>"
        if sheets > 1:
            body += f'\n<p class="gk-error">{escape(text(language, "board_overflow"))}</p>'
        body += f'\n<p><img class="gk-proof" src="{escape(png)}" alt="{escape(board)}"></p>'
    body += (f'\n<p><a href="{PREFIX}boards/">{escape(text(language, "back_boards"))}</a> · '
             f'<a href="/">{escape(text(language, "back_site"))}</a></p>')
    return _page(language, text(language, "board_title", board=board), body, generation, "board")
