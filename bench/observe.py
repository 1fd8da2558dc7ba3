"""What the benchmark reads from a running process: PullDoctor's /metrics (Prometheus text format) and
/proc/PID/status (VmRSS, VmHWM, RssAnon).

As a command: `observe.py memory PID OUT_JSON` writes the memory of PID now and prints it.
"""
import json
import os
import re
import sys
import urllib.request

_SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)')


def scrape(url, timeout=30):
    """Every sample of the exposition at URL, as {series: value} (series = name plus its label block).
    The timeout is generous: right after a storm PullDoctor may take seconds to answer."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        text = response.read().decode()
    samples = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        match = _SAMPLE.match(line)
        if match:
            samples[match.group(1) + (match.group(2) or "")] = float(match.group(3))
    return samples


def total(samples, name, without=()):
    """Sum of the samples of metric NAME, leaving out series whose label block contains any of WITHOUT."""
    out = 0.0
    for series, value in samples.items():
        base = series.split("{", 1)[0]
        if base == name and not any(w in series for w in without):
            out += value
    return out


def by_label(samples, name, label):
    """{label value: sum} for metric NAME."""
    out = {}
    pattern = re.compile(r'%s="([^"]*)"' % re.escape(label))
    for series, value in samples.items():
        if series.split("{", 1)[0] == name:
            match = pattern.search(series)
            key = match.group(1) if match else ""
            out[key] = out.get(key, 0.0) + value
    return out


def cpu_seconds(pid):
    """User plus system CPU time PID has used so far, in seconds (None when it is gone)."""
    try:
        fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def proc_status(pid):
    """VmRSS, VmHWM and RssAnon (private memory, without the mapped code) of PID in MiB, or None when the
    process is gone."""
    try:
        text = open("/proc/%d/status" % pid).read()
    except OSError:
        return None
    values = {}
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM", "RssAnon"):
            values[key] = int(rest.split()[0]) / 1024.0
    return values


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "memory":
        sys.exit(__doc__)
    status = proc_status(int(sys.argv[2]))
    if status is None:
        sys.exit("observe: process %s is gone" % sys.argv[2])
    result = {"vm_rss_mib": round(status["VmRSS"], 1), "vm_hwm_mib": round(status["VmHWM"], 1),
              "rss_anon_mib": round(status["RssAnon"], 1)}
    json.dump(result, open(sys.argv[3], "w"))
    print("RSS %.1f MiB, of which %.1f MiB private (RssAnon)" % (status["VmRSS"], status["RssAnon"]))
