"""`make loadtest`: researchers browsing the archive — home, search with facets, detail pages and the API.

Each simulated user waits 0.1–0.5 s between requests by default (a busy reader, not a crawler);
LOAD_WAIT="1 5" gives locust's documented 1–5 s of reading between pages. Policy ids for the
detail pages come from the file LOAD_IDS (`make loadtest` writes the newest 2,000: collecting them
is the harness's work, not a researcher's), else from the API at start, so the same file runs
against any server.
"""

import os
import random
from pathlib import Path

from locust import HttpUser, between, task

TERMS = ["数字经济", "数据要素", "人工智能", "算力", "集成电路", "营商环境", "专精特新", "新质生产力", "工业互联网",
         "数字政府", "智慧城市", "电子商务", "数据 安全", "人工智能 集成电路", '"公共数据"', "数字经济 -规划",
         "大数据 OR 云计算", "數字經濟", "发展", "地理标志"]
PROVINCES = ["110000", "310000", "320000", "330000", "370000", "440000", "510000", "420000"]
TYPES = ["方案", "意见", "通知", "规划", "办法"]
SORTS = ["relevance", "relevance", "newest", "oldest"]
ALL_IDS = [int(word) for word in Path(os.environ["LOAD_IDS"]).read_text().split()] if os.environ.get("LOAD_IDS") else []


class Researcher(HttpUser):
    wait_time = between(*map(float, os.environ.get("LOAD_WAIT", "0.1 0.5").split()))

    def on_start(self):
        page = random.randint(1, 20)
        if ALL_IDS:
            self.ids = ALL_IDS[(page - 1) * 100 : page * 100] or ALL_IDS
            return
        response = self.client.get(f"/api/policies/?sort=newest&page_size=100&page={page}", name="/api/policies/ (ids)")
        self.ids = [hit["id"] for hit in response.json().get("results", [])] or [1]

    def facets(self):
        params = {}
        if random.random() < 0.5:
            params["province"] = random.choice(PROVINCES)
        if random.random() < 0.3:
            params["year"] = random.randint(2016, 2025)
        if random.random() < 0.2:
            params["type"] = random.choice(TYPES)
        return params

    @task(1)
    def home(self):
        self.client.get("/", name="/")

    @task(4)
    def search(self):
        params = {"q": random.choice(TERMS), "sort": random.choice(SORTS), **self.facets()}
        if random.random() < 0.2:
            params["page"] = random.randint(2, 5)
        self.client.get("/policies/", params=params, name="/policies/?q&facets")

    @task(1)
    def browse(self):
        self.client.get("/policies/", params=self.facets(), name="/policies/?facets")

    @task(3)
    def detail(self):
        self.client.get(f"/policies/{random.choice(self.ids)}/", name="/policies/<id>/")

    @task(2)
    def api_search(self):
        params = {"q": random.choice(TERMS), **self.facets()}
        self.client.get("/api/policies/", params=params, name="/api/policies/?q&facets")

    @task(1)
    def api_detail(self):
        self.client.get(f"/api/policies/{random.choice(self.ids)}/", name="/api/policies/<id>/")
