"""Running the page: Werkzeug's threaded server on this machine, the browser opened on it.

Why Werkzeug's server and not waitress or gunicorn: Flask already depends on
it (no further package), it runs on Windows as is, and it is threaded, so a
PDF that takes LibreOffice half a minute does not freeze the page. Its known
limit, throughput under many clients, does not matter for one office worker
on 127.0.0.1; for anything wider, `create_app` is a plain WSGI app any
server can run.
"""
from __future__ import annotations

import gc
import logging
import os
import signal
import socket
import threading
import webbrowser
from typing import Callable

from ..errors import PlanError
from ..messages import text
from .app import ANY_ADDRESS, create_app, is_loopback, served_state, set_port


def serve(host: str = "127.0.0.1", port: int = 8765, *, open_browser: bool = True, lang: str = "vi",
          echo: Callable[[str], object] = print, verbose: bool = False) -> None:
    """Serve the page until Ctrl+C. Raises PlanError when the address cannot be used."""
    from werkzeug.serving import make_server

    # A server runs for hours: the cyclic collector must run (the command line turns it off for its
    # short commands), or request objects caught in reference cycles would pile up.
    gc.enable()
    if not verbose:
        logging.getLogger("werkzeug").setLevel(logging.WARNING)   # no line per request in the window
    app = create_app(host, port)
    _probe(host, port)
    try:
        server = make_server(host, port, app, threaded=True)
    except SystemExit:     # Werkzeug exits when it cannot bind (after our probe: a race with another program)
        raise PlanError("web.error.port_busy", host=host, port=port, detail="bind") from None
    set_port(app, server.server_port)
    address = served_state(app).address
    name = host.strip("[]").lower()
    if name in ANY_ADDRESS or not is_loopback(name):
        echo(text("web.serve.exposed", lang, host=host))
    echo(text("web.serve.running", lang, address=address))
    echo(text("web.serve.stop", lang))
    if open_browser:
        # Some browsers block until they exit when started from here: never wait for it.
        threading.Thread(target=webbrowser.open, args=(address,), daemon=True).start()
    restore = _stop_on_signals()
    try:
        server.serve_forever()      # returns on Ctrl+C (Werkzeug's server catches the KeyboardInterrupt)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        served_state(app).close()     # requests and jobs cut short leave no folder behind
        restore()
    echo(text("web.serve.stopped", lang))


def _probe(host: str, port: int) -> None:
    """Refuse, in a sentence, an address that cannot be served (Werkzeug would print English and exit)."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            if os.name == "posix":   # as the server will (a port in TIME_WAIT is free); on Windows this would
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)   # let two servers share a port
            probe.bind((host.strip("[]"), port))
    except OSError as exc:
        raise PlanError("web.error.port_busy", host=host, port=port, detail=exc.strerror or exc) from None
    except (OverflowError, ValueError) as exc:
        raise PlanError("web.error.port_busy", host=host, port=port, detail=exc) from None


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _stop_on_signals() -> Callable[[], None]:
    """Ctrl+C (and a polite kill) stop the server, even when started with SIGINT ignored (a background job)."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    wanted = [signal.SIGINT] + ([signal.SIGTERM] if hasattr(signal, "SIGTERM") else [])
    previous = {number: signal.signal(number, _interrupt) for number in wanted}

    def restore() -> None:
        for number, handler in previous.items():
            signal.signal(number, handler)

    return restore
