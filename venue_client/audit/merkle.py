"""Merkle tree hashes, proofs and their verification, exactly as RFC 9162 §2.1 defines them.

The audit log (审计日志) is an append-only list of events; its Merkle tree hash (MTH) over the
events' leaf hashes commits to the whole history. Everything here is pure computation over
32-byte SHA-256 values: no I/O, no clock, no database.

- §2.1.1: leaf hash ``SHA-256(0x00 || data)``, interior node ``SHA-256(0x01 || left || right)``,
  the empty tree ``SHA-256("")``, and a tree of ``n > 1`` leaves split at ``k``, the largest power
  of two smaller than ``n``.
- §2.1.3: inclusion proofs (``inclusion_proof`` builds PATH, ``verify_inclusion`` runs §2.1.3.2).
- §2.1.4: consistency proofs (``consistency_proof`` builds PROOF via SUBPROOF,
  ``verify_consistency`` runs §2.1.4.2).

``CompactTree`` keeps the roots of the perfect subtrees covering ``[0, size)`` so that the store
can append leaves and read the current root in O(log n) hashes each.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

HASH_SIZE = 32
"""Length in bytes of every hash in the tree (SHA-256)."""

_LEAF_PREFIX = b"\x00"
_NODE_PREFIX = b"\x01"


class ProofError(ValueError):
    """An inclusion or consistency proof is malformed or does not verify."""


def leaf_hash(data: bytes) -> bytes:
    """Return ``SHA-256(0x00 || data)``, the hash of one log entry (RFC 9162 §2.1.1)."""
    return hashlib.sha256(_LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """Return ``SHA-256(0x01 || left || right)``, an interior node (RFC 9162 §2.1.1)."""
    return hashlib.sha256(_NODE_PREFIX + left + right).digest()


def empty_root() -> bytes:
    """Return ``SHA-256("")``, the root of the tree with no leaves (RFC 9162 §2.1.1)."""
    return hashlib.sha256(b"").digest()


def _split(n: int) -> int:
    """Return the largest power of two strictly smaller than ``n`` (``n > 1``)."""
    return 1 << ((n - 1).bit_length() - 1)


def _check_leaves(leaf_hashes: Sequence[bytes]) -> None:
    for i, h in enumerate(leaf_hashes):
        if len(h) != HASH_SIZE:
            raise ValueError(f"leaf hash {i} is {len(h)} bytes long, expected {HASH_SIZE}")


def _mth(leaves: Sequence[bytes], lo: int, hi: int) -> bytes:
    """MTH of the leaf hashes ``leaves[lo:hi]`` (``hi > lo``), without copying slices."""
    if hi - lo == 1:
        return leaves[lo]
    mid = lo + _split(hi - lo)
    return node_hash(_mth(leaves, lo, mid), _mth(leaves, mid, hi))


def root(leaf_hashes: Sequence[bytes]) -> bytes:
    """Return the Merkle tree hash over precomputed leaf hashes (RFC 9162 §2.1.1)."""
    _check_leaves(leaf_hashes)
    if not leaf_hashes:
        return empty_root()
    return _mth(leaf_hashes, 0, len(leaf_hashes))


def inclusion_proof(leaf_hashes: Sequence[bytes], index: int) -> list[bytes]:
    """Return PATH(index, D[n]) for the tree of ``len(leaf_hashes)`` leaves (RFC 9162 §2.1.3.1).

    Hashes are ordered from the leaf's sibling up to the child of the root.
    """
    _check_leaves(leaf_hashes)
    n = len(leaf_hashes)
    if not 0 <= index < n:
        raise ValueError(f"leaf index {index} is outside a tree of size {n}")
    path: list[bytes] = []
    lo, hi, m = 0, n, index
    while hi - lo > 1:  # descend from the root; each level contributes the other subtree
        k = _split(hi - lo)
        if m < k:
            path.append(_mth(leaf_hashes, lo + k, hi))
            hi = lo + k
        else:
            path.append(_mth(leaf_hashes, lo, lo + k))
            lo, m = lo + k, m - k
    path.reverse()
    return path


def consistency_proof(leaf_hashes: Sequence[bytes], size1: int) -> list[bytes]:
    """Return PROOF(size1, D[n]) with ``n = len(leaf_hashes)`` (RFC 9162 §2.1.4.1).

    Requires ``0 < size1 <= n``; the proof for ``size1 == n`` is empty.
    """
    _check_leaves(leaf_hashes)
    n = len(leaf_hashes)
    if not 0 < size1 <= n:
        raise ValueError(f"consistency proofs need 0 < size1 <= size2, got {size1} and {n}")
    proof: list[bytes] = []
    lo, hi, m, complete = 0, n, size1, True
    while m != hi - lo:  # SUBPROOF(m, D[lo:hi], complete) with m < hi - lo
        k = _split(hi - lo)
        if m <= k:
            proof.append(_mth(leaf_hashes, lo + k, hi))
            hi = lo + k
        else:
            proof.append(_mth(leaf_hashes, lo, lo + k))
            lo, m, complete = lo + k, m - k, False
    if not complete:  # SUBPROOF(m, D[m], false) = {MTH(D[m])}
        proof.append(_mth(leaf_hashes, lo, hi))
    proof.reverse()
    return proof


def _check_hash(what: str, value: bytes) -> None:
    if len(value) != HASH_SIZE:
        raise ProofError(f"{what} is {len(value)} bytes long, expected {HASH_SIZE}")


def _check_proof(proof: Sequence[bytes]) -> None:
    for i, h in enumerate(proof):
        _check_hash(f"proof hash {i}", h)


def _inclusion_proof_size(index: int, size: int) -> int:
    """Number of hashes in a correct inclusion proof (used only to word error messages)."""
    inner = (index ^ (size - 1)).bit_length()
    return inner + (index >> inner).bit_count()


def verify_inclusion(
    leaf_index: int, tree_size: int, leaf_hash: bytes, proof: Sequence[bytes], root: bytes
) -> None:
    """Check that ``leaf_hash`` is leaf ``leaf_index`` of the tree with ``root``.

    Runs RFC 9162 §2.1.3.2. Returns ``None`` on success; raises ``ProofError`` saying why
    otherwise.
    """
    if leaf_index < 0 or tree_size < 0:
        raise ProofError(f"negative leaf index {leaf_index} or tree size {tree_size}")
    if leaf_index >= tree_size:  # step 1
        raise ProofError(f"leaf index {leaf_index} is not below tree size {tree_size}")
    _check_hash("leaf hash", leaf_hash)
    _check_hash("root hash", root)
    _check_proof(proof)

    def wrong_length() -> ProofError:
        want = _inclusion_proof_size(leaf_index, tree_size)
        return ProofError(
            f"inclusion proof for leaf {leaf_index} of {tree_size} must have {want} hashes,"
            f" got {len(proof)}"
        )

    fn, sn = leaf_index, tree_size - 1  # step 2
    r = leaf_hash  # step 3
    for p in proof:  # step 4
        if sn == 0:  # 4a
            raise wrong_length()
        if fn & 1 or fn == sn:  # 4b
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1  # 4c
    if sn != 0:  # step 5
        raise wrong_length()
    if r != root:
        raise ProofError(
            f"inclusion proof for leaf {leaf_index} of {tree_size} leads to root {r.hex()},"
            f" expected {root.hex()}"
        )


def verify_consistency(
    size1: int, size2: int, root1: bytes, root2: bytes, proof: Sequence[bytes]
) -> None:
    """Check that the tree (``size1``, ``root1``) is a prefix of (``size2``, ``root2``).

    Runs RFC 9162 §2.1.4.2 for ``0 < size1 < size2``. Equal sizes need an empty proof and equal
    roots (a size-0 root must also be ``empty_root()``); ``size1 == 0 < size2`` is rejected,
    as the RFC defines no proof from the empty tree (any tree extends it: callers needing that
    answer can skip the check). Returns ``None`` or raises ``ProofError``.
    """
    if size1 < 0 or size2 < 0:
        raise ProofError(f"negative tree size ({size1}, {size2})")
    if size1 > size2:
        raise ProofError(f"size1 {size1} is greater than size2 {size2}")
    if size1 == size2:
        # Equal sizes: the proof must be empty and the roots identical, byte for byte
        # (transparency-dev's vectors accept this whatever the roots' length).
        if proof:
            raise ProofError(f"sizes are equal ({size1}) but the proof has {len(proof)} hashes")
        if root1 != root2:
            raise ProofError(f"sizes are equal ({size1}) but the roots differ")
        if size1 == 0 and root1 != empty_root():
            raise ProofError("a tree of size 0 must have the empty root SHA-256('')")
        return
    _check_hash("root1", root1)
    _check_hash("root2", root2)
    _check_proof(proof)
    if size1 == 0:
        raise ProofError("no consistency proof exists from the empty tree (size1 = 0)")
    if not proof:  # step 1
        raise ProofError(f"consistency proof from {size1} to {size2} is empty")
    fr, sr = _consistency_roots(size1, size2, root1, proof)
    if fr != root1:
        raise ProofError(f"consistency proof does not reproduce root1 of size {size1}")
    if sr != root2:
        raise ProofError(f"consistency proof does not reproduce root2 of size {size2}")


def _consistency_roots(
    size1: int, size2: int, root1: bytes, proof: Sequence[bytes]
) -> tuple[bytes, bytes]:
    """Steps 2-7 of RFC 9162 §2.1.4.2 for ``0 < size1 < size2``: return (fr, sr)."""
    path = list(proof)
    if size1 & (size1 - 1) == 0:  # step 2: size1 is an exact power of two
        path.insert(0, root1)
    fn, sn = size1 - 1, size2 - 1  # step 3
    while fn & 1:  # step 4
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]  # step 5
    for c in path[1:]:  # step 6
        if sn == 0:  # 6a
            raise ProofError(f"consistency proof from {size1} to {size2} has too many hashes")
        if fn & 1 or fn == sn:  # 6b
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1  # 6c
    if sn != 0:  # step 7 (the caller compares fr and sr with the roots)
        raise ProofError(f"consistency proof from {size1} to {size2} has too few hashes")
    return fr, sr


class CompactTree:
    """An append-only Merkle tree that keeps only the roots of its perfect subtrees.

    For size ``n`` the state is one hash per set bit of ``n``, largest (leftmost) subtree
    first: the compact range ``[0, n)`` of transparency-dev/merkle. Appending merges equal-size
    subtrees (O(log n) worst case, O(1) amortised); ``root()`` folds them right to left
    (O(log n)) into the RFC 9162 §2.1.1 tree hash. The store persists ``size`` and ``frontier``
    and restores the tree with ``from_frontier``.
    """

    __slots__ = ("_hashes", "_size")

    def __init__(self, leaf_hashes: Iterable[bytes] = ()) -> None:
        self._size = 0
        self._hashes: list[bytes] = []
        for h in leaf_hashes:
            self.append(h)

    @classmethod
    def from_frontier(cls, size: int, frontier: Sequence[bytes]) -> CompactTree:
        """Rebuild a tree from a persisted ``size`` and its ``frontier`` (see ``frontier``)."""
        if size < 0:
            raise ValueError(f"negative tree size {size}")
        if len(frontier) != size.bit_count():
            raise ValueError(
                f"a tree of size {size} has {size.bit_count()} frontier hashes, got {len(frontier)}"
            )
        for i, h in enumerate(frontier):
            if len(h) != HASH_SIZE:
                raise ValueError(f"frontier hash {i} is {len(h)} bytes long, expected {HASH_SIZE}")
        tree = cls()
        tree._size = size
        tree._hashes = [bytes(h) for h in frontier]
        return tree

    @property
    def size(self) -> int:
        """Number of leaves appended so far."""
        return self._size

    @property
    def frontier(self) -> tuple[bytes, ...]:
        """Roots of the perfect subtrees covering ``[0, size)``, largest (leftmost) first."""
        return tuple(self._hashes)

    def append(self, leaf_hash: bytes) -> None:
        """Append one leaf hash (``leaf_hash(data)``, not the raw data)."""
        if len(leaf_hash) != HASH_SIZE:
            raise ValueError(f"leaf hash is {len(leaf_hash)} bytes long, expected {HASH_SIZE}")
        h, n = bytes(leaf_hash), self._size
        while n & 1:  # each trailing one bit is a perfect subtree of the new one's size
            h = node_hash(self._hashes.pop(), h)
            n >>= 1
        self._hashes.append(h)
        self._size += 1

    def root(self) -> bytes:
        """Return the RFC 9162 §2.1.1 tree hash of the leaves appended so far."""
        if not self._hashes:
            return empty_root()
        h = self._hashes[-1]
        for left in reversed(self._hashes[:-1]):
            h = node_hash(left, h)
        return h

    def __repr__(self) -> str:
        return f"CompactTree(size={self._size}, root={self.root().hex()})"
