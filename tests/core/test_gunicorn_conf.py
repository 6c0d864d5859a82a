"""The shipped gunicorn configuration: read from the environment, serving the site the way
``fairmatch bench web --server gunicorn`` starts it, believing X-Forwarded-Proto only from
the allowed proxies."""

import http.client
import subprocess
import sys
import time
from contextlib import contextmanager

from benchmarks._load import free_port, server_command
from tests.web.test_content_security_policy import STRICT_POLICY, directives
from tests.web.test_security_settings import clean_environment

HSTS = "max-age=31536000; includeSubDomains"
STYLESHEET = "/static/fairmatch/fairmatch.css"


def printed_config(tmp_path, **environment: str) -> dict[str, str]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "python:fairmatch.gunicorn_conf",
            "--print-config",
        ],
        env=clean_environment(tmp_path, **environment),
        capture_output=True,
        text=True,
        check=True,
    )
    pairs = (line.split(" = ", 1) for line in result.stdout.splitlines() if " = " in line)
    return {name.strip(): value.strip() for name, value in pairs}


def test_the_configuration_is_read_from_the_environment(tmp_path):
    config = printed_config(
        tmp_path,
        FAIRMATCH_BIND="0.0.0.0:8001,unix:/run/fairmatch.sock",
        FAIRMATCH_WEB_WORKERS="3",
        FAIRMATCH_WEB_THREADS="4",
        FAIRMATCH_WEB_TIMEOUT="90",
        FAIRMATCH_FORWARDED_ALLOW_IPS="10.0.0.2",
        FAIRMATCH_ACCESS_LOG="/var/log/fairmatch/access.log",
    )
    names = [
        "wsgi_app",
        "bind",
        "workers",
        "threads",
        "worker_class",
        "timeout",
        "forwarded_allow_ips",
        "accesslog",
        "errorlog",
    ]
    assert {name: config[name] for name in names} == {
        "wsgi_app": "fairmatch.wsgi:application",
        "bind": "['0.0.0.0:8001', 'unix:/run/fairmatch.sock']",
        "workers": "3",
        "threads": "4",
        "worker_class": "gthread",
        "timeout": "90",
        "forwarded_allow_ips": "['10.0.0.2']",
        "accesslog": "/var/log/fairmatch/access.log",
        "errorlog": "-",
    }


@contextmanager
def gunicorn(tmp_path, **environment: str):
    """The benchmark's gunicorn command, with one worker, on a free port."""
    port = free_port()
    command, server_env = server_command("gunicorn", port, str(tmp_path), {"workers": 1})
    env = clean_environment(tmp_path, **server_env, **environment)
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    try:
        for _ in range(300):
            try:
                if get(port, "/health/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_gunicorn_serves_the_site_and_believes_the_local_proxy(tmp_path):
    with gunicorn(tmp_path, FAIRMATCH_HTTPS="true") as port:
        health = get(port, "/health/")
        plain = get(port, STYLESHEET)
        proxied = get(port, STYLESHEET, **{"X-Forwarded-Proto": "https"})
    assert (health[0], health[2]) == (200, b'{"status": "ok"}')
    assert directives(health[1]["Content-Security-Policy"]) == STRICT_POLICY
    assert (plain[0], plain[1]["Location"]) == (301, f"https://127.0.0.1:{port}{STYLESHEET}")
    assert (proxied[0], proxied[1]["Strict-Transport-Security"]) == (200, HSTS)
    access = (tmp_path / "access.log").read_text().splitlines()
    assert [line.split(" ", 2)[2].rsplit(" ", 2)[0] for line in access][-3:] == [
        '"GET /health/ HTTP/1.1" 200',
        f'"GET {STYLESHEET} HTTP/1.1" 301',
        f'"GET {STYLESHEET} HTTP/1.1" 200',
    ]


def test_a_forwarded_scheme_from_an_unlisted_address_is_not_believed(tmp_path):
    with gunicorn(
        tmp_path, FAIRMATCH_HTTPS="true", FAIRMATCH_FORWARDED_ALLOW_IPS="192.0.2.10"
    ) as port:
        status, headers, _ = get(port, STYLESHEET, **{"X-Forwarded-Proto": "https"})
    assert (status, headers["Location"]) == (301, f"https://127.0.0.1:{port}{STYLESHEET}")


def test_gunicorn_refuses_to_start_with_a_short_secret_key(tmp_path):
    port = free_port()
    command, server_env = server_command("gunicorn", port, str(tmp_path), {"workers": 1})
    result = subprocess.run(
        command,
        env=clean_environment(tmp_path, **server_env, FAIRMATCH_SECRET_KEY="short-key"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 3  # gunicorn: a worker failed to boot
    assert (
        "(fairmatch.E001) FAIRMATCH_SECRET_KEY cannot be used with debug off: "
        "it has fewer than 50 characters." in result.stderr
    )
    assert result.stderr.strip().splitlines()[-1].endswith("Reason: Worker failed to boot.")
