"""The surge benchmark (`make bench`): production's setup on loopback, driven by wrk.

Starts a durable PostgreSQL, Redis, an SMTP sink, the task worker and gunicorn with the production
settings (plus the ceiling view of bench/ceiling), then measures, each for DURATION seconds at
CONNECTIONS concurrent clients:

1. the ceiling: a bare view that only inserts a row under a unique (petition, e-mail) constraint;
2. signing through the API, then through the HTML form (the full path: validation, limits, keyed
   hashes, the signature, its e-mail queued), every tenth request repeating an address;
3. petition page views alone, then page views during an API signing surge;
4. how stale the displayed count gets: signatures are confirmed while the page is read;
5. exactness: every signature is confirmed, and the displayed count must equal the number of
   distinct addresses stored.

Results go to docs/benchmarks.md (between the markers) with the machine and the date.
"""

import json
import os
import platform
import re
import resource
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DURATION = int(os.environ.get("BENCH_SECONDS", "15"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
WEB_WORKERS = int(os.environ.get("BENCH_WEB_WORKERS", "4"))
WEB_THREADS = int(os.environ.get("BENCH_WEB_THREADS", "4"))  # 1: gunicorn's sync workers, one request each
VIEWS_DURING_SURGE = 2000  # readers per second (about) while signatures pour in
RESULTS = ROOT / "docs" / "benchmarks.md"
MARKERS = ("<!-- surge:start -->", "<!-- surge:end -->")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # loopback, our own server
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def fetch(url: str) -> str:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", "Accept-Language": "en"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode()


NGINX_CONFIG = """
worker_processes auto;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream stoptheharm {{ server 127.0.0.1:{app_port}; keepalive 64; }}
    proxy_cache_path {dir}/cache keys_zone=pages:10m max_size=100m inactive=1m use_temp_path=off;
    map $http_x_forwarded_proto $forwarded_proto {{ default $http_x_forwarded_proto; }}
    server {{
        listen 127.0.0.1:{port};
        location / {{ include {proxy_rules}; }}
    }}
}}
"""


class Stack:
    """The services and servers of one run, stopped in reverse order at the end."""

    def __init__(self, exits: ExitStack, work: Path) -> None:
        self.exits = exits
        self.work = work
        self.env = dict(os.environ)

    def start_services(self) -> None:
        services = self.work / "services"
        lines = subprocess.run(
            [ROOT / "scripts" / "test-services", "start", services],
            check=True, capture_output=True, text=True, env={**self.env, "PG_DURABLE": "1"},
        ).stdout.split()  # fmt: skip
        self.exits.callback(subprocess.run, [ROOT / "scripts" / "test-services", "stop", services], check=False)
        found = dict(line.split("=", 1) for line in lines)
        # PostgreSQL's command line names its directory, Redis's its address: how cpu_seconds knows them.
        self.markers = (str(services), found["TEST_REDIS_URL"].removeprefix("redis://").split("/")[0])
        admin_url = found["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
        subprocess.run(
            [PYTHON, "-c", f"import psycopg; psycopg.connect({admin_url!r}, autocommit=True)"
                           ".execute('CREATE DATABASE stoptheharm')"],
            check=True,
        )  # fmt: skip
        smtp_port = free_port()
        # The mail server stands in for the relay, which in production runs on another machine.
        sink = ["-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{smtp_port}", "-c", "aiosmtpd.handlers.Sink"]
        self.background(["nice", "-n", "19", PYTHON, *sink])
        self.port = free_port()
        self.env.update(
            DJANGO_SETTINGS_MODULE="bench.settings",
            DJANGO_ENV="production",
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS="127.0.0.1",
            SITE_URL="https://127.0.0.1",
            DATABASE_URL=found["DATABASE_URL"],
            REDIS_URL=found["TEST_REDIS_URL"],
            EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
            TRUSTED_PROXY_COUNT="2",  # a load balancer, then nginx (see start_proxy)
            CONN_MAX_AGE="60",
            VAR_DIR=str(self.work / "var"),
            LOG_LEVEL="WARNING",
        )

    def manage(self, *arguments: str) -> str:
        done = subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=self.env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"manage.py {' '.join(arguments)} failed:\n{done.stderr}")
        return done.stdout

    def background(self, command: list[str]) -> None:
        log = open(self.work / f"{Path(command[0]).name}-{len(os.listdir(self.work))}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.exits.callback(log.close)
        self.exits.callback(process.wait, 20)
        self.exits.callback(process.terminate)

    def start_servers(self) -> None:
        # As README recommends for production: the worker yields the processors to the web server
        # during a surge, and catches up on the e-mails after it.
        self.background(
            ["nice", "-n", "19", PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2"]
        )
        app_port = free_port()
        self.background([
            PYTHON, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{app_port}",
            "--workers", str(WEB_WORKERS), "--threads", str(WEB_THREADS),
            "--worker-class", "sync" if WEB_THREADS == 1 else "gthread",
            "--keep-alive", "30", "--backlog", "2048", "--access-logfile", "-", "--log-level", "warning",
        ])  # fmt: skip
        wait_for(f"http://127.0.0.1:{app_port}/healthz")
        self.start_proxy(app_port)
        wait_for(f"http://127.0.0.1:{self.port}/healthz")

    def start_proxy(self, app_port: int) -> None:
        """Start nginx in front, with production's proxy rules (deploy/nginx/proxy.conf) and micro-cache.

        The requests come as from a load balancer in front of nginx that ended TLS: nginx passes the
        scheme it was told, and adds itself to X-Forwarded-For (hence TRUSTED_PROXY_COUNT=2).
        """
        nginx = self.work / "nginx"
        nginx.mkdir()
        nginx.chmod(0o777)  # nginx's workers run as another user when started by root
        config = nginx / "nginx.conf"
        config.write_text(NGINX_CONFIG.format(
            dir=nginx, app_port=app_port, port=self.port, proxy_rules=ROOT / "deploy" / "nginx" / "proxy.conf"
        ))  # fmt: skip
        self.background(["nginx", "-c", str(config), "-p", str(nginx), "-g", "daemon off;"])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


ROLES = {  # who spends the processors' time, recognised by command line among the benchmark's processes
    "gunicorn": "gunicorn",
    "postgres": "postgres",
    "redis": "redis-server",
    "nginx": "nginx",
    "worker": "db_worker",
    "smtp sink": "aiosmtpd",
}


def cpu_seconds(stack: Stack) -> dict[str, float]:
    """CPU time used so far by each role's processes, by wrk, and by the whole machine ("machine")."""
    ticks = os.sysconf("SC_CLK_TCK")
    processes = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        # utime + stime, and those of its children that ended (a PostgreSQL backend whose connection closed)
        processes[int(stat.parent.name)] = (int(fields[1]), command, sum(map(int, fields[11:15])) / ticks)
    # The benchmark's processes: this one's descendants, and the databases it started (they detach).
    ours = {os.getpid()} | {
        pid for pid, (_parent, command, _cpu) in processes.items() if any(mark in command for mark in stack.markers)
    }
    for pid in sorted(processes):  # parents have lower ids here, except after wrapping; good enough
        if processes[pid][0] in ours:
            ours.add(pid)
    used = dict.fromkeys(ROLES, 0.0)
    for pid in ours - {os.getpid()}:
        _parent, command, cpu = processes[pid]
        role = next((role for role, marker in ROLES.items() if marker in command), None)
        if role:
            used[role] += cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    used["wrk"] = children.ru_utime + children.ru_stime  # wrk runs as this process's waited-for child
    machine = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    used["machine"] = (sum(map(int, machine)) - int(machine[3]) - int(machine[4])) / ticks  # not idle, iowait
    return used


def wrk(stack: Stack, script: str, path: str, *, connections: int = CONNECTIONS, **env: str) -> dict:
    """Run wrk for DURATION seconds; return the figures its script prints and the CPU time per role."""
    before = cpu_seconds(stack)
    result = subprocess.run(
        ["wrk", "--threads", "2", "--connections", str(connections), "--duration", f"{DURATION}s",
         "--timeout", "10s", "--script", str(ROOT / "bench" / script), stack.url(path)],
        check=True, capture_output=True, text=True, env={**stack.env, **env}, cwd=ROOT,
    )  # fmt: skip
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    figures = json.loads(line.removeprefix("RESULT "))
    figures["per_second"] = figures["requests"] / figures["seconds"]
    after = cpu_seconds(stack)
    figures["cpu"] = {role: after[role] - before[role] for role in after}
    return figures


def measure_staleness(stack: Stack, petition: dict, links: list[str], stop: threading.Event, out: list[float]) -> None:
    """Confirm a few signatures through their e-mailed links; time until the page shows the new count."""
    page = stack.url(petition["path"])
    while links and not stop.is_set():
        batch, links[:] = links[:5], links[5:]
        before = displayed_count(fetch(page))
        for link in batch:
            post(stack.url(link))
        moment = time.monotonic()
        while displayed_count(fetch(page)) < before + len(batch) and time.monotonic() - moment < 30:
            time.sleep(0.05)
        out.append(time.monotonic() - moment)
        time.sleep(1)


def wait_for_worker(stack: Stack, seconds: int = 600) -> dict:
    """Seconds from the end of the surges until the worker has sent every e-mail and run every task due.

    Each measurement starts with an idle worker: none of the previous one's e-mails, nor the search
    index updates that loading the demo content queued.
    """
    import psycopg

    started = time.monotonic()
    with psycopg.connect(stack.env["DATABASE_URL"], autocommit=True) as database:
        while time.monotonic() - started < seconds:
            [waiting] = database.execute("SELECT count(*) FROM petitions_signature WHERE email_due <> ''").fetchone()
            [tasks] = database.execute(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
            ).fetchone()
            if waiting == tasks == 0:
                break
            time.sleep(0.5)
        [sent] = database.execute("SELECT count(*) FROM petitions_signature WHERE emails_sent > 0").fetchone()
    return {"emails_waiting": waiting, "emails_drain_s": time.monotonic() - started, "signers_emailed": sent}


def post(url: str) -> None:
    request = urllib.request.Request(url, data=b"", headers={"X-Forwarded-Proto": "https"}, method="POST")
    urllib.request.urlopen(request, timeout=10).close()


def displayed_count(html: str) -> int:
    return int(re.search(r'class="petition__total"><strong>([\d,\s\u00a0]+)</strong>', html).group(1).replace(",", ""))


def main() -> None:
    for program in ("wrk", "nginx"):
        if not shutil.which(program):
            raise SystemExit(f"{program} is missing: `make bench` installs it (Debian package {program}).")
    results: dict[str, dict] = {}
    with ExitStack() as exits:
        work = Path(tempfile.mkdtemp(prefix="stoptheharm-bench."))
        os.chmod(work, 0o755)  # the postgres user runs the database inside it
        exits.callback(shutil.rmtree, work, True)
        stack = Stack(exits, work)
        print("Starting PostgreSQL, Redis, an SMTP sink …", flush=True)
        stack.start_services()
        for command in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
            stack.manage(*command)
        petition = json.loads(stack.manage("bench_petition"))
        print(f"Starting gunicorn ({WEB_WORKERS} workers, {WEB_THREADS} threads each) and the worker …", flush=True)
        stack.start_servers()
        api_path = f"/api/v1/petitions/{petition['slug']}/signatures/"
        form_path = f"/en/petitions/{petition['id']}/sign/"
        started = re.search(r'name="started" value="([^"]+)"', fetch(stack.url(petition["path"]))).group(1)
        time.sleep(2.5)  # the form's time trap: older than a person's fastest typing

        wrk(stack, "sign.lua", api_path, connections=8, BENCH_MODE="api", BENCH_RUN="warm")  # warm every worker
        wrk(stack, "view.lua", petition["path"], connections=8)
        runs = [
            ("ceiling", "sign.lua", "/bench/ceiling/", {"BENCH_MODE": "ceiling"}),
            ("api", "sign.lua", api_path, {"BENCH_MODE": "api"}),
            ("form", "sign.lua", form_path, {"BENCH_MODE": "form", "BENCH_STARTED": started}),
            ("page views", "view.lua", petition["path"], {}),
        ]
        for name, script, path, env in runs:
            wait_for_worker(stack)
            print(f"Measuring {name} …", flush=True)
            results[name] = wrk(stack, script, path, BENCH_RUN=name.replace(" ", ""), **env)

        wait_for_worker(stack)
        print("Measuring page views during a signing surge, and how stale the count gets …", flush=True)
        links = stack.manage("bench_confirm", "--petition", str(petition["id"]), "--links", "100").split()
        stop, staleness = threading.Event(), []
        checker = threading.Thread(target=measure_staleness, args=(stack, petition, links, stop, staleness))
        surge = threading.Thread(
            target=lambda: results.__setitem__(
                "api during views",
                wrk(stack, "sign.lua", api_path, connections=CONNECTIONS // 2, BENCH_MODE="api", BENCH_RUN="mixed"),
            )
        )
        surge.start()
        checker.start()
        results["views during surge"] = wrk(
            stack, "view.lua", petition["path"], connections=CONNECTIONS // 2,
            BENCH_VIEW_DELAY_MS=str(CONNECTIONS // 2 * 1000 // VIEWS_DURING_SURGE - 1),  # 1 ms: the answer's time
        )  # fmt: skip
        surge.join()
        stop.set()
        checker.join()

        print("Waiting for the worker to send every e-mail …", flush=True)
        exactness_emails = wait_for_worker(stack)
        print("Confirming every signature and checking the count …", flush=True)
        exactness = json.loads(stack.manage("bench_confirm", "--petition", str(petition["id"]), "--all"))
        time.sleep(5)
        exactness["displayed"] = displayed_count(fetch(stack.url(petition["path"])))
        exactness["api"] = json.loads(fetch(stack.url(f"/api/v1/petitions/{petition['slug']}/")))["signature_count"]
        exactness["staleness_max_s"] = max(staleness, default=None)
        exactness["staleness_samples"] = len(staleness)
        exactness |= exactness_emails
    report(results, exactness)


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor(),
    )  # fmt: skip
    memory_kib = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                          if line.startswith("MemTotal")))  # fmt: skip
    return f"{os.cpu_count()} cores ({cpu}), {memory_kib // 1024 // 1024} GiB, {platform.system()} {platform.release()}"


def report(results: dict[str, dict], exactness: dict) -> None:
    ceiling = results["ceiling"]["per_second"]
    rows = [
        f"| {name} | {figures['per_second']:,.0f} | {figures['p50_ms']:.1f} | {figures['p99_ms']:.1f} | "
        f"{figures['non_2xx_3xx'] + figures['socket_errors']} | "
        + (f"{figures['per_second'] / ceiling:.0%}" if name in {"api", "form"} else "")
        + " |"
        for name, figures in results.items()
    ]
    roles = [*ROLES, "wrk", "machine"]
    cpu_rows = [
        f"| {name} | " + " | ".join(f"{figures['cpu'][role] * 1000 / figures['requests']:.2f}" for role in roles) + " |"
        for name, figures in results.items()
        if name in {"ceiling", "api", "form"}
    ]
    exact = exactness["distinct_addresses"] == exactness["displayed"] == exactness["api"]
    servers = f"{WEB_WORKERS} sync workers" if WEB_THREADS == 1 else f"{WEB_WORKERS} workers x {WEB_THREADS} threads"
    text = "\n".join([
        MARKERS[0],
        f"Run on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine()}.",
        f"Command: `make bench` ({DURATION} s per measurement, {CONNECTIONS} concurrent clients, gunicorn "
        f"{servers} behind nginx, one `db_worker`, PostgreSQL with fsync "
        f"on, Redis, wrk on the same 2 cores; readers paced at {VIEWS_DURING_SURGE:,}/s during the surge).",
        "",
        "| measurement | per second | p50 ms | p99 ms | errors | of the ceiling |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        "Processor time per request, in milliseconds, by role (\"machine\": all of it, other work included):",
        "",
        "| measurement | " + " | ".join(roles) + " |",
        "|---|" + "---|" * len(roles),
        *cpu_rows,
        "",
        f"- Signatures stored: {exactness['signatures']:,} from {exactness['distinct_addresses']:,} distinct "
        f"addresses; all confirmed; held for staff: {exactness['held']}.",
        f"- Count after confirming them all: page {exactness['displayed']:,}, API {exactness['api']:,}: "
        + ("**exact**." if exact else "**NOT EXACT**."),
        f"- E-mails: the worker had sent every signer's e-mail {exactness['emails_drain_s']:.0f} s after the "
        f"surges ended ({exactness['emails_waiting']} still waiting).",
        f"- Displayed count staleness while signatures are confirmed during the surge: at most "
        f"{exactness['staleness_max_s']:.1f} s over {exactness['staleness_samples']} samples."
        if exactness["staleness_max_s"] is not None else "- Staleness: no sample.",
        MARKERS[1],
    ])  # fmt: skip
    document = RESULTS.read_text()
    start, end = document.index(MARKERS[0]), document.index(MARKERS[1]) + len(MARKERS[1])
    RESULTS.write_text(document[:start] + text + document[end:])
    print(text)


if __name__ == "__main__":
    main()
