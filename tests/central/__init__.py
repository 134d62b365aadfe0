"""A real central platform (central-api.md) on loopback, for tests and for developers.

- ``CentralServer`` (``server``): HTTP/1.1 server in a thread; ``.platform`` is the state and
  its Python API, ``.faults`` the fault plan.
- ``fixtures.central_server``: the pytest fixture.
- ``python -m tests.central --port 8765 --token T --workstation WS1 --venue 330100 --demo``:
  the same server as a process to point the application at (``VENUE_CENTRAL_URL``).
"""

from tests.central.faults import KINDS as FAULT_KINDS
from tests.central.faults import FaultPlan
from tests.central.ledger import EventRules
from tests.central.platform import Platform
from tests.central.server import CentralServer

__all__ = ["FAULT_KINDS", "CentralServer", "EventRules", "FaultPlan", "Platform"]
