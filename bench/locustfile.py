"""One page under load: ``make bench`` (bench/run.py) runs locust headless with this file once per
page and number of clients. BENCH_PATH is the page, BENCH_COOKIE the session cookie if any."""

import os

from locust import FastHttpUser, constant, task

PATH = os.environ["BENCH_PATH"]
COOKIE = os.environ.get("BENCH_COOKIE", "")


class Visitor(FastHttpUser):
    wait_time = constant(0)

    @task
    def page(self):
        headers = {"Cookie": COOKIE} if COOKIE else {}
        with self.client.get(PATH, headers=headers, name=PATH, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
