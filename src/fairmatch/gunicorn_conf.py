"""Gunicorn configuration for Fairmatch: ``gunicorn -c python:fairmatch.gunicorn_conf``.

Every value comes from the environment (the Django settings' own variables apply as usual):

| variable                       | default                                   |
|--------------------------------|-------------------------------------------|
| FAIRMATCH_BIND                 | 127.0.0.1:8000 (comma-separated for more) |
| FAIRMATCH_WEB_WORKERS          | 2 x CPU cores + 1                         |
| FAIRMATCH_WEB_THREADS          | 1 (more than 1: threaded workers)         |
| FAIRMATCH_WEB_TIMEOUT          | 60 (seconds before a stuck worker is restarted) |
| FAIRMATCH_WEB_MAX_REQUESTS     | 2000 (a worker is replaced after as many; 0: never) |
| FAIRMATCH_FORWARDED_ALLOW_IPS  | 127.0.0.1,::1 (proxies whose X-Forwarded-Proto is believed) |
| FAIRMATCH_ACCESS_LOG           | - (standard output; empty: no access log) |
| FAIRMATCH_ERROR_LOG            | - (standard error)                        |
| FAIRMATCH_LOG_LEVEL            | WARNING (shared with the Django settings) |
"""

import multiprocessing
import os

wsgi_app = "fairmatch.wsgi:application"

bind = [
    address.strip()
    for address in os.environ.get("FAIRMATCH_BIND", "127.0.0.1:8000").split(",")
    if address.strip()
]
workers = int(os.environ.get("FAIRMATCH_WEB_WORKERS", str(2 * multiprocessing.cpu_count() + 1)))
threads = int(os.environ.get("FAIRMATCH_WEB_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"

# A solver run never runs in a web worker (it is a background task), so a request that
# takes this long is stuck.
timeout = int(os.environ.get("FAIRMATCH_WEB_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
max_requests = int(os.environ.get("FAIRMATCH_WEB_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10

# Only these front ends may say that the client spoke HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FAIRMATCH_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = os.environ.get("FAIRMATCH_ACCESS_LOG", "-") or None
errorlog = os.environ.get("FAIRMATCH_ERROR_LOG", "-")
loglevel = os.environ.get("FAIRMATCH_LOG_LEVEL", "WARNING").lower()
# The client address as the proxy saw it, then the request line, status, size and time (µs).
access_log_format = '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(b)s %(D)s'

proc_name = "fairmatch"
