"""``python -m drivers.idcard.simulator``: serve a simulated reader until Ctrl-C.

Prints the pty path (and the ``socket://`` URL with ``--tcp``), places the first
card of the deck unless ``--no-card``, then reads commands from stdin: ``place``
(next card), ``expired``, ``lift``, ``fault NAME``, ``clear``, ``quit``.
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Iterable

from drivers.idcard.deck import DEFAULT_SEED
from drivers.idcard.simulator import Fault, IdCardSimulator


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m drivers.idcard.simulator", description=(__doc__ or "").split("\n\n")[0]
    )
    parser.add_argument("--tcp", type=int, metavar="PORT", help="also serve socket:// on PORT")
    parser.add_argument("--speed", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--baudrate", type=int, help="answer only clients at this rate (pty)")
    parser.add_argument("--no-card", action="store_true", help="start with no card placed")
    parser.add_argument("--fault", action="append", default=[], choices=[f.value for f in Fault])
    args = parser.parse_args(None if argv is None else list(argv))
    tcp: bool | int = False if args.tcp is None else (args.tcp or True)
    sim = IdCardSimulator(seed=args.seed, speed=args.speed, tcp=tcp, baudrate=args.baudrate)
    sim.start()
    sim.set_faults(*args.fault)
    if not args.no_card:
        sim.place()
    print(f"pty: {sim.port}", flush=True)
    if args.tcp is not None:
        print(f"url: {sim.url}", flush=True)
    try:
        for line in sys.stdin:
            if not _command(sim, line.split()):
                return 0
        threading.Event().wait()  # stdin closed: serve until Ctrl-C
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0


def _command(sim: IdCardSimulator, words: list[str]) -> bool:
    verb = words[0] if words else ""
    if verb == "quit":
        return False
    if verb == "place":
        print(f"placed {sim.place()!r}", flush=True)
    elif verb == "expired":
        print(f"placed {sim.place_expired()!r}", flush=True)
    elif verb == "lift":
        sim.lift()
        print("lifted", flush=True)
    elif verb == "fault" and len(words) == 2 and words[1] in {f.value for f in Fault}:
        sim.add_fault(words[1])
        print(f"faults: {sorted(f.value for f in sim.faults)}", flush=True)
    elif verb == "clear":
        sim.clear_faults()
        print("faults cleared", flush=True)
    elif verb:
        print("commands: place, expired, lift, fault NAME, clear, quit", flush=True)
    return True
