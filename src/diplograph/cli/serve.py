"""`diplograph serve`: the HTTP API and the web interface (uvicorn)."""

from __future__ import annotations

import typer

from ..errors import MissingExtraError
from ..settings import load_options
from .app import app, console

DB_HELP = "Database: a SQLite file path or a postgresql:// URL (default: setting `db`, env DIPLOGRAPH_DB)."


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
    web_app = create_app(options)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    console.print(f"diplograph: serving {options.db} at http://{shown}:{port}/ (Ctrl+C to stop)", highlight=False)
    if not options.api_token:
        console.print("writes (POST /api/documents) are off: set DIPLOGRAPH_API_TOKEN to enable them", highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
