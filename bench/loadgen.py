"""A small closed-loop HTTP load generator for bench/run.sh, used when wrk is not installed.

Keeps --connections requests in flight against one path on 127.0.0.1 (it sends traffic nowhere else) for
--warmup seconds unmeasured, then for --duration seconds measured, and stops early after --max-requests.
Prints one JSON line: requests, requests per second, p50/p99 latency in milliseconds and the non-2xx count.
"""

import argparse
import http.client
import json
import math
import threading
import time

HOST = "127.0.0.1"


def worker(port, path, warmup_end, deadline, max_requests, results, lock):
    connection = None
    while True:
        started = time.perf_counter()
        if started >= deadline:
            break
        try:
            if connection is None:
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
            connection.request("GET", path, headers={"Host": f"{HOST}:{port}", "Accept-Encoding": "gzip"})
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.will_close:  # gunicorn's sync workers close every connection
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            status = 0
            if connection is not None:
                connection.close()
            connection = None
        finished = time.perf_counter()
        if started >= warmup_end:
            with lock:
                if len(results) >= max_requests:
                    break
                results.append((finished - started, status))
    if connection is not None:
        connection.close()


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of a sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", help="The path to request, such as /nieuws/")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--max-requests", type=int, default=200_000)
    args = parser.parse_args()
    if not args.path.startswith("/"):
        parser.error("path must start with /")

    results, lock = [], threading.Lock()
    start = time.perf_counter()
    warmup_end = start + args.warmup
    deadline = warmup_end + args.duration
    threads = [
        threading.Thread(
            target=worker,
            args=(args.port, args.path, warmup_end, deadline, args.max_requests, results, lock),
            daemon=True,
        )
        for _ in range(args.connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=args.warmup + args.duration + 60)
    measured = min(time.perf_counter(), deadline) - warmup_end

    latencies = sorted(latency for latency, _ in results)
    print(
        json.dumps(
            {
                "requests": len(results),
                "rps": len(results) / measured if measured > 0 else 0.0,
                "p50_ms": percentile(latencies, 0.50) * 1000,
                "p99_ms": percentile(latencies, 0.99) * 1000,
                "errors": sum(1 for _, status in results if not 200 <= status < 300),
            }
        )
    )


if __name__ == "__main__":
    main()
