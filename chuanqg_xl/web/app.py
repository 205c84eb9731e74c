"""The Flask app: routes, the safety checks every request passes, and the answers for what goes wrong.

Routes: `/` the page; `POST /check` one file (its check) or several (the
consolidation: from the page's script, a job whose progress `/job/<id>`
answers, then its result); `/r/<token>` a result again (reload, other
language); `/d/<token>/<what>` a download (recalc, appendices, pdf, status,
consolidated, imported). Static files are package data under `static/`.

Every request: the Host header must be the served address (DNS rebinding).
Posts and downloads: no cross-site request (Origin, Sec-Fetch-Site), and a
post carries the page's token. Uploads stream into a private folder removed
when the request ends; see `uploads.py` for limits and what is kept.
"""
from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import os
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from flask import Flask, Request, Response, g, jsonify, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from .. import __version__
from ..dates import show_day
from ..errors import PlanError
from ..messages import LANGS, text
from . import actions
from .jobs import MAX_RUNNING, Job, JobBoard
from .uploads import (MAX_FILE_BYTES, MAX_FILES, MAX_REQUEST_BYTES, FileTooLarge, Kept, ResultStore,
                      TooManyFiles, UploadSink, Upload, content_disposition, new_folder, remove_folder)

EXTENSION = "chuanqg_xl"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
ANY_ADDRESS = frozenset({"0.0.0.0", "::", ""})
WORKERS = 2        # files processed at once; more requests wait (memory stays bounded)
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
JS_TEXTS = ("web.js.sending", "web.js.checking", "web.js.checking_many", "web.js.making", "web.js.too_large",
            "web.js.too_many", "web.js.failed", "web.js.no_file", "web.js.date_read", "web.js.date_unread",
            "web.js.months")

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- the served address

def split_host(value: str) -> tuple[str, int | None]:
    """'127.0.0.1:8765' → ('127.0.0.1', 8765); '[::1]:80' → ('::1', 80); a port that is not a number → -1."""
    value = value.strip().lower()
    if value.startswith("["):
        name, _, rest = value[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ""
    elif value.count(":") == 1:
        name, _, port_text = value.partition(":")
    else:
        name, port_text = value, ""
    if not port_text:
        return name, None
    return name, int(port_text) if port_text.isdigit() else -1


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def is_loopback(name: str) -> bool:
    return name in LOOPBACK_NAMES or (_is_ip(name) and ipaddress.ip_address(name).is_loopback)


@dataclass
class Served:
    """Where the page is served, and the state every request shares."""

    host: str
    port: int
    store: ResultStore
    temp_root: str | None = None
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    work: threading.BoundedSemaphore = field(default_factory=lambda: threading.BoundedSemaphore(WORKERS))
    soffice: Callable[[], str | None] | None = None
    file_limit: int = MAX_FILE_BYTES
    jobs: JobBoard = field(default_factory=JobBoard)
    folders: set[Path] = field(default_factory=set)    # private folders of requests under way
    folders_lock: threading.Lock = field(default_factory=threading.Lock)

    def open_folder(self) -> Path:
        folder = new_folder(self.temp_root)
        with self.folders_lock:
            self.folders.add(folder)
        return folder

    def close_folder(self, folder: Path | None) -> None:
        """Remove a request's folder (or stop tracking it: a job has taken it over and removes it itself)."""
        if folder is None:
            return
        with self.folders_lock:
            self.folders.discard(folder)

    def close(self) -> None:
        """The server stops: nothing of the requests and jobs still under way stays on disk."""
        self.jobs.close()
        with self.folders_lock:
            folders, self.folders = list(self.folders), set()
        for folder in folders:
            remove_folder(folder)

    @property
    def address(self) -> str:
        name = "127.0.0.1" if self.host in ANY_ADDRESS else self.host
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{self.port}/"

    def host_allowed(self, header: str | None) -> bool:
        """The Host header names this server (a rebinding attack's page would send its own domain)."""
        if not header:
            return False
        name, port = split_host(header)
        if (port or 80) != self.port:
            return False
        served = self.host.lower().strip("[]")
        if served in ANY_ADDRESS:
            # Bound to every address: any address literal of this machine, never a domain name.
            return _is_ip(name) or name == "localhost"
        if name == served:
            return True
        return is_loopback(served) and is_loopback(name)

    def pdf_available(self) -> bool:
        if self.soffice is not None:
            return self.soffice() is not None
        from ..office import find_soffice

        return find_soffice() is not None


def served() -> Served:
    from flask import current_app

    return current_app.extensions[EXTENSION]


def served_state(app: Flask) -> Served:
    """The address and shared state of an app made by `create_app`."""
    return app.extensions[EXTENSION]


# ---------------------------------------------------------------- requests that stream uploads to our folder

def _folder() -> Path:
    if "folder" not in g:
        g.folder = served().open_folder()
    return g.folder


def _sink() -> UploadSink:
    if "sink" not in g:
        g.sink = UploadSink(_folder, served().file_limit)
    return g.sink


class UploadRequest(Request):
    """Uploaded files go straight into the request's private folder, under generated names, within the limit."""

    def _get_file_stream(self, total_content_length: int | None, content_type: str | None,
                         filename: str | None = None, content_length: int | None = None):
        return _sink().stream(filename)


# ---------------------------------------------------------------- the app

def create_app(host: str = "127.0.0.1", port: int = 8765, *, temp_root: str | os.PathLike[str] | None = None,
               store: ResultStore | None = None, soffice: Callable[[], str | None] | None = None,
               file_limit: int = MAX_FILE_BYTES) -> Flask:
    """The page as a WSGI app, for `chuanqg-xl serve`, tests, or embedding in another server.

    `host` and `port` are the address it is served at (requests naming another
    host are refused); `temp_root` is where private upload folders are made
    (the system's temporary folder by default); `store` keeps results for
    downloads (a bounded in-memory `ResultStore` by default); `soffice` finds
    LibreOffice (`office.find_soffice` by default); `file_limit` is the size
    one uploaded file may have.
    """
    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.request_class = UploadRequest
    app.config.update(MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES,
                      MAX_FORM_PARTS=MAX_FILES + 20, SEND_FILE_MAX_AGE_DEFAULT=3600, JSON_AS_ASCII=False)
    app.json.ensure_ascii = False
    app.extensions[EXTENSION] = Served(host, port, store or ResultStore(), temp_root, soffice=soffice,
                                       file_limit=file_limit)
    app.before_request(_guard)
    app.after_request(_headers)
    app.teardown_request(_clean_up)
    app.context_processor(_template_globals)
    app.register_error_handler(RequestEntityTooLarge, _too_large)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(actions.Refused, _refused)
    app.register_error_handler(Exception, _unexpected)
    app.add_url_rule("/", "index", _index, methods=["GET"])
    app.add_url_rule("/check", "check", _check, methods=["POST"])
    app.add_url_rule("/r/<token>", "result", _result, methods=["GET"])
    app.add_url_rule("/d/<token>/<what>", "download", _download, methods=["GET"])
    app.add_url_rule("/job/<ident>", "job", _job, methods=["GET"])
    return app


def set_port(app: Flask, port: int) -> None:
    """The port the server really listens on (after binding port 0)."""
    served_state(app).port = port


def _lang() -> str:
    lang = request.args.get("lang") or request.cookies.get("lang") or "vi"
    return lang if lang in LANGS else "vi"


def _t(key: str, **params: object) -> str:
    return text(key, _lang(), **params)


def _template_globals() -> dict[str, object]:
    lang = _lang()
    state = served()
    return {
        "t": _t, "lang": lang, "other_lang": "en" if lang == "vi" else "vi", "token": state.token,
        "version": __version__, "limit_mb": state.file_limit // 2**20, "max_files": MAX_FILES,
        "accept": ",".join(actions.accepted_suffixes()), "today": show_day(dt.date.today()),
        "js_texts": {key.removeprefix("web.js."): text(key, lang, limit=state.file_limit // 2**20,
                                                          count=MAX_FILES) for key in JS_TEXTS},
        "limit_bytes": state.file_limit, "address": state.address, "kept_minutes": round(state.store.idle / 60),
    }


def _wants_fragment() -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


# ---------------------------------------------------------------- safety, before and after every request

def _guard() -> Response | None:
    state = served()
    if not state.host_allowed(request.headers.get("Host")):
        return _answer(_t("web.error.wrong_host", host=request.headers.get("Host", ""), address=state.address), 400)
    if request.method == "POST" or request.endpoint in ("download", "job"):
        site = request.headers.get("Sec-Fetch-Site")
        origin = request.headers.get("Origin")
        if site is not None and site not in ("same-origin", "none"):
            return _answer(_t("web.error.cross_site"), 403)
        if origin is not None:
            parts = urlsplit(origin)
            if parts.scheme != "http" or parts.netloc.lower() != request.headers.get("Host", "").lower():
                return _answer(_t("web.error.cross_site"), 403)
    if request.method == "POST":
        sent = request.headers.get("X-CSRF-Token") or request.args.get("csrf") or ""
        if not secrets.compare_digest(sent, state.token):
            return _answer(_t("web.error.stale_page"), 403)
    return None


def _headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    if request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
    if request.args.get("lang") in LANGS:
        response.set_cookie("lang", request.args["lang"], max_age=365 * 24 * 3600, samesite="Strict",
                            httponly=True)
    return response


def _clean_up(_exc: BaseException | None) -> None:
    sink = g.pop("sink", None)
    if sink is not None:
        sink.close()
    folder = g.pop("folder", None)
    remove_folder(folder)
    served().close_folder(folder)


# ---------------------------------------------------------------- answers

def _answer(sentence: str, status: int) -> Response:
    """A sentence on the page (a fragment for the page's script, the whole page otherwise)."""
    if _wants_fragment():
        html = render_template("_results.html", error=sentence)
        return Response(jsonify(error=sentence, html=html).get_data(), status, mimetype="application/json")
    return Response(render_template("page.html", error=sentence), status, mimetype="text/html")


def _too_large(exc: RequestEntityTooLarge) -> Response:
    limit = served().file_limit // 2**20
    if isinstance(exc, FileTooLarge):
        return _answer(_t("web.error.file_too_large", name=exc.file_name, limit=limit), 413)
    if isinstance(exc, TooManyFiles):
        return _answer(_t("web.error.too_many_files", count=MAX_FILES), 413)
    return _answer(_t("web.error.request_too_large", limit=limit, total=MAX_REQUEST_BYTES // 2**20), 413)


def _http_error(exc: HTTPException) -> Response:
    key = {404: "web.error.not_found", 405: "web.error.not_found"}.get(exc.code or 0, "web.error.bad_request")
    return _answer(_t(key), exc.code or 400)


def _refused(exc: actions.Refused) -> Response:
    return _answer(exc.sentence, exc.status)


def _unexpected(exc: Exception) -> Response:
    log.debug("unexpected error", exc_info=exc)
    return _answer(_t("web.error.unexpected", detail=f"{type(exc).__name__}: {exc}"), 500)


# ---------------------------------------------------------------- routes

def _index() -> str:
    return render_template("page.html")


def _check() -> Response:
    state = served()
    lang = _lang()
    request.files.getlist("files")   # parses the body: the files stream into the private folder
    uploads = [upload for upload in _sink().uploads if upload.named]
    if not uploads:
        raise actions.Refused(_t("web.error.no_file"), 400)
    names = actions.names_of(uploads)
    if _wants_fragment() and actions.task_of(uploads) == "province":
        return _start_job(uploads, lang)
    with state.work:
        try:
            result = actions.check_uploads(uploads, _folder(), lang)
            files = [(upload.name, upload.read()) for upload in uploads]
            kind = "province" if isinstance(result, actions.ProvinceResult) else "plan"
            kept = Kept(kind, files, dict(result.outputs))
        except PlanError as exc:
            raise actions.Refused(actions.user_message(exc, lang, names)) from None
    result.token = state.store.put(kept)
    return _show(result)


def _start_job(uploads: list[Upload], lang: str) -> Response:
    """A consolidation the page follows: it runs in a job that takes over the request's private folder."""
    state = served()
    folder = _folder()
    g.pop("sink").close()              # every upload complete on disk before the job reads it
    names = actions.names_of(uploads)

    def work(job: Job) -> tuple[actions.ProvinceResult, str | None]:
        with state.work:
            job.progress("read", 0, len(uploads))
            result = actions.consolidate_uploads(uploads, folder, lang, progress=job.progress)
            job.progress("finish", 0, 0)
            kept = Kept("province", [(upload.name, upload.read()) for upload in uploads], result.outputs)
        result.outputs = {}            # kept in the store only: the job holds the page's part alone
        return result, state.store.put(kept)

    def failure(exc: BaseException) -> str:
        if isinstance(exc, PlanError):
            return actions.user_message(exc, lang, names)
        log.debug("unexpected error in a job", exc_info=exc)
        return text("web.error.unexpected", lang, detail=f"{type(exc).__name__}: {exc}")

    job = state.jobs.start(folder, len(uploads), lang, work, failure)
    if job is None:
        raise actions.Refused(_t("web.error.busy", count=MAX_RUNNING), 429)
    g.pop("folder")                    # the job's now: it removes it when it ends
    state.close_folder(folder)
    return Response(jsonify(job=job.ident, poll=url_for("job", ident=job.ident, lang=lang)).get_data(), 202,
                    mimetype="application/json")


def _job(ident: str) -> Response:
    """How far a job is; its result once it is done (the page's part only once; then where to see it again)."""
    state = served()
    job = state.jobs.get(ident)
    if job is None:
        raise actions.Refused(_t("web.error.job_gone"), 404)
    if job.phase == "failed":
        return _answer(job.error or _t("web.error.bad_request"), 422)
    if job.phase == "done":
        result, token = state.jobs.take(job)
        if result is None:
            return jsonify(url=url_for("result", token=token, lang=_lang()) if token else None)
        result.token = token
        return _show(result)
    fraction = job.fraction()
    with job.lock:
        phase, done, total = job.phase, job.done, job.of
    percent = round(100 * (fraction or 0))
    return jsonify(phase=phase, fraction=fraction, percent=percent,
                   message=_t(f"web.job.{phase}", done=done, total=total or job.total, percent=percent))


def _show(result: actions.PlanResult | actions.ProvinceResult) -> Response:
    context = _result_context(result)
    if _wants_fragment():
        url = url_for("result", token=result.token, lang=_lang()) if result.token else None
        return jsonify(html=render_template("_results.html", **context), url=url)
    if request.method == "POST" and result.token:
        return redirect(url_for("result", token=result.token, lang=_lang()), 303)
    return Response(render_template("page.html", **context), mimetype="text/html")


def _result_context(result: actions.PlanResult | actions.ProvinceResult) -> dict[str, object]:
    if isinstance(result, actions.ProvinceResult):
        return {"province": result}
    return {"plan": result, "pdf_available": served().pdf_available()}


def _kept(token: str) -> Kept:
    kept = served().store.get(token)
    if kept is None:
        raise actions.Refused(_t("web.error.expired", minutes=round(served().store.idle / 60)), 404)
    return kept


def _result(token: str) -> Response:
    kept = _kept(token)
    lang = _lang()
    uploads = actions.restore(kept, _folder())
    with served().work:
        try:
            result = actions.check_uploads(uploads, _folder(), lang)
            for key, data in result.outputs.items():
                served().store.add_output(token, key, data)
        except PlanError as exc:
            raise actions.Refused(actions.user_message(exc, lang, actions.names_of(uploads))) from None
    result.token = token
    return _show(result)


def _download(token: str, what: str) -> Response:
    if what not in actions.DOWNLOADS:
        raise actions.Refused(_t("web.error.not_found"), 404)
    kept = _kept(token)
    with served().work:
        made = actions.make_download(what, kept, _folder(), _lang(), force=request.args.get("force") == "1",
                                     as_of=request.args.get("as_of"))
    response = Response(made.data, mimetype=made.mimetype)
    response.headers["Content-Disposition"] = content_disposition(made.name)
    return response


__all__ = ["create_app", "served_state", "set_port", "is_loopback"]
