"""``make bench``: seed (if needed), serve the portal as in production with gunicorn on loopback,
load every page with locust at 1 and 16 clients, then time the reminder sweep and search.

Prints a table and writes bench/results.json. Environment: DATABASE_URL and REDIS_URL (defaults
below), BENCH_SECONDS (seconds per page and client count, default 8), BENCH_WORKERS (gunicorn
workers, default 2 x cores + 1), BENCH_PORT (default 8017)."""

import contextlib
import json
import os
import platform
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
PORT = int(os.environ.get("BENCH_PORT", "8017"))
HOST = f"http://127.0.0.1:{PORT}"
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
CLIENTS = [1, 16]
PUBLIC = {"home", "library", "search + 2 facets", "product detail", "feed"}

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "alliance.settings.bench",
    "DATABASE_URL": os.environ.get(
        "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/alliance_bench"
    ),
    "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/12"),
    "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "EMAIL_URL": os.environ.get("EMAIL_URL", "smtp://127.0.0.1:1025"),
    "AWS_STORAGE_BUCKET_NAME": "bench-uses-disk",
    "LOG_LEVEL": "WARNING",
    "PYTHONUNBUFFERED": "1",
}


def manage(*args: str, capture: bool = False) -> str:
    command = [PYTHON, "manage.py", *args]
    if capture:
        return subprocess.run(
            command, cwd=ROOT, env=ENV, check=True, capture_output=True, text=True
        ).stdout
    subprocess.run(command, cwd=ROOT, env=ENV, check=True)
    return ""


def create_database() -> None:
    """Create the database named in DATABASE_URL if the server does not have it yet."""
    import psycopg

    url = ENV["DATABASE_URL"]
    base, name = url.rsplit("/", 1)
    try:
        psycopg.connect(url).close()
    except psycopg.OperationalError:
        with psycopg.connect(base + "/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')


def start_gunicorn() -> subprocess.Popen:
    log = open(ROOT / "var" / "bench-gunicorn.log", "w")  # noqa: SIM115 - open while it runs
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "alliance.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(WORKERS),
            "--access-logfile",
            "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
        ],
        cwd=ROOT,
        env=ENV,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(HOST + "/bench/ceiling", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer; see var/bench-gunicorn.log")


class MemorySampler(threading.Thread):
    """Samples the gunicorn workers' resident memory; ``peak`` is the largest worker's."""

    def __init__(self, master_pid: int):
        super().__init__(daemon=True)
        self.master = psutil.Process(master_pid)
        self.peak = 0
        self.running = True

    def run(self):
        while self.running:
            for worker in self.master.children():
                with contextlib.suppress(psutil.Error):
                    self.peak = max(self.peak, worker.memory_info().rss)
            time.sleep(0.2)


def load(page: dict, clients: int, server: subprocess.Popen) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        prefix = os.path.join(folder, "run")
        sampler = MemorySampler(server.pid)
        sampler.start()
        subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "--host",
                HOST,
                "--users",
                str(clients),
                "--spawn-rate",
                str(clients),
                "--run-time",
                f"{SECONDS}s",
                "--csv",
                prefix,
                "--only-summary",
                "--loglevel",
                "ERROR",
                "--stop-timeout",
                "2",
            ],
            env={**os.environ, "BENCH_PATH": page["path"], "BENCH_COOKIE": page["cookie"]},
            check=False,
            capture_output=True,
        )
        sampler.running = False
        sampler.join()
        with open(prefix + "_stats.csv", encoding="utf-8") as stats:
            import csv

            rows = [row for row in csv.DictReader(stats) if row["Name"] == "Aggregated"]
    row = rows[0]
    return {
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "rps": round(float(row["Requests/s"]), 1),
        "p50_ms": float(row["50%"]),
        "p95_ms": float(row["95%"]),
        "peak_worker_rss_mb": round(sampler.peak / 2**20, 1),
    }


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": model or platform.processor(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
    }


def table(results: dict) -> str:
    lines = [
        "| page | clients | req/s | p50 ms | p95 ms | vs ceiling | SQL (cold/warm) "
        "| worker RSS MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, page in results["pages"].items():
        queries = page.get("queries", {})
        sql = f"{queries.get('cold', '-')}/{queries.get('warm', '-')}"
        for clients, run in page["runs"].items():
            lines.append(
                f"| {name} | {clients} | {run['rps']} | {run['p50_ms']:.0f} | {run['p95_ms']:.0f}"
                f" | {run['vs_ceiling']:.0%} | {sql} | {run['peak_worker_rss_mb']} |"
                + (f" {run['failures']} failed" if run["failures"] else "")
            )
    sweep = results["sweep"]
    search = results["search"]
    lines += [
        "",
        "| reminder sweep | due items | seconds | SQL queries |",
        "| --- | ---: | ---: | ---: |",
        *(
            f"| at {label} | {s['due_items']} | {s['seconds']} | {s['queries']} |"
            for label, s in sweep.items()
        ),
        "",
        f"Search over {search['products']} published products, 20 queries x 5: "
        f"p50 {search['p50_ms']} ms, p95 {search['p95_ms']} ms",
    ]
    return "\n".join(lines)


def main() -> None:
    started = time.monotonic()
    (ROOT / "var").mkdir(exist_ok=True)
    create_database()
    manage("migrate", "--noinput", "-v", "0")
    manage("seed_scale")
    manage("collectstatic", "--noinput", "-v", "0")
    pages = json.loads(manage("bench_probe", "prepare", capture=True))
    pages_file = ROOT / "var" / "bench-pages.json"
    pages_file.write_text(json.dumps(pages))
    queries = json.loads(manage("bench_probe", "queries", str(pages_file), capture=True))

    server = start_gunicorn()
    results = {
        "machine": machine(),
        "load_average_at_start": os.getloadavg(),
        "workers": WORKERS,
        "seconds_per_run": SECONDS,
        "pages": {},
    }
    try:
        for page in pages["pages"]:
            # Warm up: the first requests fill the cache and each worker's connections.
            for _ in range(WORKERS * 2):
                request = urllib.request.Request(HOST + page["path"])  # noqa: S310
                if page["cookie"]:
                    request.add_header("Cookie", page["cookie"])
                urllib.request.urlopen(request, timeout=30).read()  # noqa: S310
            runs = {}
            for clients in CLIENTS:
                runs[clients] = load(page, clients, server)
                print(f"{page['name']:>20} x{clients:<2} {runs[clients]}", flush=True)
            results["pages"][page["name"]] = {
                "path": page["path"],
                "public": page["name"] in PUBLIC,
                "queries": queries.get(page["name"], {}),
                "runs": runs,
            }
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    ceiling = results["pages"]["ceiling"]["runs"]
    for page in results["pages"].values():
        for clients, run in page["runs"].items():
            run["vs_ceiling"] = (
                run["rps"] / ceiling[clients]["rps"] if ceiling[clients]["rps"] else 0
            )

    results["sweep"] = {
        label: json.loads(manage("bench_probe", "sweep", str(items), capture=True))
        for label, items in (("1,000", 1000), ("10,000", 10000))
    }
    results["search"] = json.loads(manage("bench_probe", "search", capture=True))
    results["minutes"] = round((time.monotonic() - started) / 60, 1)
    results["load_average_at_end"] = os.getloadavg()
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print()
    print(table(results))
    print(
        f"\nMachine: {results['machine']}; {WORKERS} gunicorn workers; {results['minutes']} min;"
        f" load average {results['load_average_at_start'][0]:.1f} at the start"
        f" (other work on the machine skews the figures)."
    )
    print("Written to bench/results.json")


if __name__ == "__main__":
    main()
