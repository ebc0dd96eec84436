"""The I/O a Chaos Toolkit run of the CLI benchmark's experiments does, and nothing else: a same-run yardstick.

Chaos Toolkit's http provider makes a new requests.Session per activity and its process provider calls
subprocess.run with captured output (chaostoolkit-semantics.md, peer figures section 3). A Chaos Toolkit run
of the same experiment does this and more (loading, validation, journal), so this script's time is a lower
bound of the reference's time on the same machine at the same moment.

Usage: python3 reference_io.py http N URL | process N
"""
import subprocess
import sys


def main():
    mode, count = sys.argv[1], int(sys.argv[2])
    if mode == "http":
        import requests

        url = sys.argv[3]
        for _ in range(count):
            with requests.Session() as session:
                session.get(url, timeout=3)
    elif mode == "process":
        for _ in range(count):
            subprocess.run(["true"], capture_output=True, check=False)
    else:
        raise SystemExit("usage: reference_io.py http N URL | process N")


if __name__ == "__main__":
    main()
