"""Make docs/report-screenshot.png: the example project's HTML report in headless Chromium.

    python tests/reports/make_screenshot.py [--project DIR] [--verify-offline] [--out FILE]

Renders the report with `claimcheck report -o` (as a user would) into a temporary file, opens
it in Debian's Chromium through playwright (never playwright's own browser download) and saves
the top of the page: title, summary chart, filters and the first claims. With
``--verify-offline`` the project's claims are first copied to a temporary project and verified
there with `claimcheck verify --offline` (the repository's example is kept unverified in git).
docs/report-screenshot.png is made with ``--verify-offline``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--project", type=Path, default=REPO)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "report-screenshot.png")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1500)
    parser.add_argument("--title", default="Example project (Belarus, 2022): verification report")
    parser.add_argument("--verify-offline", action="store_true", help="verify a copy of the claims first")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        project = args.project
        if args.verify_offline:
            project = Path(tmp) / "project"
            shutil.copytree(args.project / "claims", project / "claims")
            subprocess.run([sys.executable, "-m", "claimcheck", "--project", str(project), "verify", "--offline"],
                           check=True, env=env, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, "-m", "claimcheck", "--project", str(project), "report", "--title", args.title,
                        "-o", str(page_file)], check=True, env=env)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height}, device_scale_factor=1)
            page.goto(page_file.as_uri())
            page.wait_for_selector("#cc-controls:not([hidden])", state="attached")
            page.screenshot(path=str(args.out))
            browser.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
