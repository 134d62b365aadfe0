"""Helpers for tests that talk to the test central platform: a workstation's audit log in
miniature (signed checkpoints and consistency proofs) and raw-socket HTTP exchanges."""

from __future__ import annotations

import base64
import socket
from typing import Any

from venue_client.audit import merkle
from venue_client.audit.note import Checkpoint, Signer, generate_signer_key, sign_note


class MiniLog:
    """An append-only log of ``n`` synthetic leaves, signing checkpoints like the client."""

    def __init__(self, origin: str = "venue-client.local/audit/test", key_name: str = "ws-test"):
        self.origin = origin
        self.signer = Signer.from_key(generate_signer_key(key_name))
        self.leaves: list[bytes] = []

    def grow(self, n: int, tag: str = "event") -> MiniLog:
        start = len(self.leaves)
        self.leaves += [merkle.leaf_hash(f"{tag} {start + i}".encode()) for i in range(n)]
        return self

    def checkpoint(self, size: int | None = None, signer: Signer | None = None) -> str:
        size = len(self.leaves) if size is None else size
        body = Checkpoint(self.origin, size, merkle.root(self.leaves[:size]))
        return sign_note(body.to_text(), signer or self.signer)

    def proof(self, from_size: int, to_size: int | None = None) -> list[str]:
        to_size = len(self.leaves) if to_size is None else to_size
        if from_size == 0 or from_size == to_size:
            return []
        hashes = merkle.consistency_proof(self.leaves[:to_size], from_size)
        return [base64.b64encode(h).decode("ascii") for h in hashes]

    def body(self, from_size: int, to_size: int | None = None) -> dict[str, Any]:
        return {
            "checkpoint": self.checkpoint(to_size),
            "consistency_proof": self.proof(from_size, to_size),
            "from_size": from_size,
        }


def raw_exchange(port: int, request: bytes, *, timeout: float = 5.0) -> bytes:
    """Send raw bytes, read until the server closes the connection, return what came back."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def raw_request(
    method: str, path: str, headers: dict[str, str], body: bytes = b"", *, close: bool = True
) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    if body or method in ("POST", "PATCH"):
        lines.append(f"Content-Length: {len(body)}")
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def send_and_hang_up(port: int, request: bytes, *, timeout: float = 5.0) -> bytes:
    """Send (part of) a request, close our sending side, return whatever the server sent."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)
