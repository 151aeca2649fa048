#!/usr/bin/env python3
"""Turns loadgen JSON lines (one per run, with a "hub" field) into the side-by-side table of
docs/PERFORMANCE.md: medians per hub and scenario, the range when repeated, ratios, targets."""
import json
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)  # (hub, label) -> [result]
with open(sys.argv[1]) as f:
    for line in f:
        line = line.strip()
        if line:
            r = json.loads(line)
            runs[(r["hub"], r["label"])].append(r)
hubs = [h for h in ("ours", "seed") if any(k[0] == h for k in runs)]


def values(hub, label, fn):
    out = []
    for r in runs.get((hub, label), []):
        v = fn(r)
        if v is not None:
            out.append(v)
    return out


def med(vs):
    return statistics.median(vs) if vs else None


def sweep_max(hub):
    """Most clients (of the sweep) with p99 < 100 ms and no loss, per repeat; median of those."""
    per_repeat = defaultdict(int)
    for (h, label), rs in runs.items():
        if h != hub or not label.startswith("sweep-"):
            continue
        n = int(label.split("-")[1])
        for i, r in enumerate(rs):
            ok = r["p99_ms"] < 100 and r["lost"] == 0 and r["connected"] == r["clients"]
            per_repeat[i] = max(per_repeat[i], n) if ok else per_repeat[i]
    return [per_repeat[i] for i in sorted(per_repeat)] if per_repeat else []


def slow_growth(r):
    return (r["rss_peak_kib"] - r["rss_connected_kib"]) / 1024 if r["rss_peak_kib"] >= 0 else None


# (title, values(hub) -> list, format, better: "high"/"low", target check(value) -> bool, target text)
rows = [
    ("1,000 clients, 10 senders, as fast as delivered: deliveries/s",
     lambda h: values(h, "throughput", lambda r: r["deliveries_per_s"]),
     lambda v: f"{v / 1e6:.2f} M" if v >= 1e6 else f"{v / 1e3:.0f} k", "high", lambda v: v >= 2e6, "≥ 2 M"),
    ("… of which lost",
     lambda h: values(h, "throughput", lambda r: r["lost"]),
     lambda v: f"{v:.0f}", "low", lambda v: v == 0, "0"),
    ("10,000 clients, 10 msg/s: p99 latency",
     lambda h: values(h, "c10k-10", lambda r: r["p99_ms"]),
     lambda v: f"{v:.0f} ms" if v >= 10 else f"{v:.1f} ms", "low", lambda v: v <= 100, "≤ 100 ms"),
    ("… lost deliveries (of 1,000,000 at 10 s)",
     lambda h: values(h, "c10k-10", lambda r: r["lost"]),
     lambda v: f"{v:.0f}", "low", lambda v: v == 0, "0"),
    ("1,000 clients, 100 msg/s: p99 latency",
     lambda h: values(h, "c1k-100", lambda r: r["p99_ms"]),
     lambda v: f"{v:.1f} ms", "low", lambda v: v <= 10, "≤ 10 ms"),
    ("most clients under 100 ms p99 at 100 msg/s (sweep 1,000…6,000)",
     sweep_max, lambda v: f"{v:,.0f}", "high", lambda v: v >= 3000, "≥ 3,000"),
    ("10,000 idle clients: RSS per connection",
     lambda h: values(h, "idle-10k", lambda r: r["rss_per_conn_kib"] if r["connected"] == 10000 else None),
     lambda v: f"{v:.2f} KiB", "low", lambda v: v <= 8, "≤ 8 KiB"),
    ("10,000 connections opened",
     lambda h: values(h, "idle-10k", lambda r: r["connect_s"] if r["connected"] == 10000 else None),
     lambda v: f"{v:.2f} s", "low", lambda v: v <= 0.8, "≤ 0.8 s"),
    ("hub CPU to open one connection (10,000 idle clients)",
     lambda h: values(h, "idle-10k", lambda r: r.get("connect_hub_cpu_s", -1) * 1e6 / r["connected"]
                      if r.get("connect_hub_cpu_s", -1) >= 0 and r["connected"] else None),
     lambda v: f"{v:.0f} µs", "low", lambda v: v <= 80, "(≤ 80 µs to open 10,000 in 0.8 s)"),
    ("hub CPU per delivery at 10,000 clients",
     lambda h: values(h, "c10k-10", lambda r: r["hub_ns_per_delivery"] if r["hub_ns_per_delivery"] > 0 else None),
     lambda v: f"{v:.0f} ns", "low", lambda v: True, "—"),
    ("slow client: hub RSS growth (peak − connected)",
     lambda h: values(h, "slow", slow_growth),
     lambda v: f"{v:.1f} MiB", "low", lambda v: v <= 5, "≤ 4 MiB held (+1 MiB slack)"),
    ("slow client: close code it read when it woke up (−1: none, cut off)",
     lambda h: values(h, "slow", lambda r: r["slow"]["close_code"]),
     lambda v: f"{v:.0f}" if v >= 0 else "none", "eq", lambda v: v == 1008, "1008"),
    ("slow client: dropped for not reading, per the hub's log (then close 1008)",
     lambda h: values(h, "slow", lambda r: r.get("hub_log_slow_drops")) if h == "ours" else [],
     lambda v: f"{v:.0f}", "eq", lambda v: v == 1, "1"),
    ("slow client: others' lost deliveries",
     lambda h: values(h, "slow", lambda r: r["lost"]),
     lambda v: f"{v:.0f}", "low", lambda v: v == 0, "0"),
    ("slow client: others closed by the hub",
     lambda h: values(h, "slow", lambda r: r["closed_by_hub"]),
     lambda v: f"{v:.0f}", "low", lambda v: v == 0, "0"),
]


def cell(vs, fmt):
    if not vs:
        return "—"
    m = med(vs)
    s = fmt(m)
    if len(vs) > 1 and min(vs) != max(vs):
        s += f" ({fmt(min(vs))}–{fmt(max(vs))})"
    return s


header = "| scenario | " + " | ".join({"ours": "LAN Chat hub", "seed": "seeds' Go hub"}[h] for h in hubs)
header += " | ratio (> 1: ours better) |" if len(hubs) == 2 else " |"
header += " target | met (ours) |"
print(header)
print("|" + "---|" * (header.count("|") - 1))
for title, get, fmt, better, check, target in rows:
    vals = {h: get(h) for h in hubs}
    line = f"| {title} | " + " | ".join(cell(vals[h], fmt) for h in hubs)
    if len(hubs) == 2:
        a, b = med(vals["ours"]), med(vals["seed"])
        ratio = "—"
        if a is not None and b is not None and better in ("high", "low") and a > 0 and b > 0:
            ratio = f"{a / b:.2f}×" if better == "high" else f"{b / a:.2f}×"
        line += f" | {ratio} |"
    else:
        line += " |"
    ours = med(vals.get("ours", [])) if "ours" in hubs else None
    verdict = '—' if ours is None or target == '—' else ('yes' if check(ours) else 'NO')
    line += f" {target} | {verdict} |"
    print(line)

# How busy the machine was with other work while the hubs ran: timings are only comparable when
# this is near 0 (the hub has its core to itself).
other = [r["other_cpu_pct"] for rs in runs.values() for r in rs if r.get("other_cpu_pct", -1) >= 0]
if other:
    print()
    print(f"CPU used by other processes during the runs: median {statistics.median(other):.0f} %, "
          f"max {max(other):.0f} % of one core (of 2 cores; 0 % = a quiet machine).")
