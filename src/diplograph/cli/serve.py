"""`diplograph serve`: the HTTP API and the web interface (uvicorn)."""

from __future__ import annotations

import typer

from ..errors import MissingExtraError
from ..kb.storeopen import open_store
from ..settings import load_options
from .app import DB_HELP, app, console, err_console

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def listen_address(host: str, port: int) -> str:
    """Where the server listens, as a URL to open where that is one address; for a wildcard
    address, what it means and the local URL."""
    if host in ("0.0.0.0", "::", ""):
        every = "every IPv4 address" if host == "0.0.0.0" else "every address"
        return f"{host or '0.0.0.0'}:{port} ({every} of this machine; here: http://127.0.0.1:{port}/)"
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


@app.command("serve")
def serve_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
) -> None:
    """Serve the API (/api/, schema at /openapi.json) and the web pages at http://HOST:PORT/."""
    try:
        import uvicorn

        from ..api import create_app
    except ImportError:
        raise MissingExtraError("the web server (fastapi, uvicorn)", "serve") from None
    options = load_options(db=db)
    # an existing database only: serving a mistyped path must not create an empty one there
    web_app = create_app(options, store=open_store(options.db))
    console.print(f"diplograph: serving {options.db} on {listen_address(host, port)} (Ctrl+C to stop)",
                  highlight=False, soft_wrap=True)
    if host not in LOOPBACK_HOSTS:
        err_console.print(f"warning: listening on {host}: the API and the pages are reachable from other machines "
                          "on the network (use --host 127.0.0.1 for this machine only)", highlight=False,
                          soft_wrap=True)
    if not options.api_token:
        console.print("writes (POST /api/documents) are off: set DIPLOGRAPH_API_TOKEN to enable them", highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
