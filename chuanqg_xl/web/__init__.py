"""The page in the browser: `chuanqg-xl serve`, a thin layer over the library like the command line.

`create_app(host, port)` returns the Flask (WSGI) app, for tests and for
embedding; `serve(host, port)` runs it on Werkzeug's threaded server and
opens the browser. Modules: `app` (routes and the checks every request
passes), `actions` (what each file is, and which library call it gets),
`present` (findings and figures as the page shows them), `uploads` (private
folders, limits, the bounded store of results), `jobs` (consolidations the
page follows), `server` (the command).
"""
from __future__ import annotations

from .app import create_app
from .server import serve

__all__ = ["create_app", "serve"]
