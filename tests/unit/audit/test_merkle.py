"""Tests of venue_client.audit.merkle: RFC 9162 §2.1 conformance, shared vectors, properties."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from venue_client.audit.merkle import (
    CompactTree,
    ProofError,
    consistency_proof,
    empty_root,
    inclusion_proof,
    leaf_hash,
    node_hash,
    root,
    verify_consistency,
    verify_inclusion,
)

# --- shared test vectors (transparency-dev/merkle testdata) ----------------------------------


def _shared_dir() -> Path:
    env = os.environ.get("VENUE_SHARED_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3].parent / "shared"


VECTOR_DIR = _shared_dir() / "data" / "merkle-vectors"
MISSING = f"Merkle test vectors not found under {VECTOR_DIR} (set VENUE_SHARED_DIR)"

# Vectors whose expectation we deliberately do not follow, with the reason. Each is still run
# and must produce the outcome given here, so the list cannot hide a regression.
# Vectors whose expected outcome we deliberately invert (none: we conform to all).
DEVIATIONS: dict[str, str] = {}


def _vector_params(kind: str) -> list[Any]:
    files = sorted((VECTOR_DIR / kind).rglob("*.json")) if (VECTOR_DIR / kind).is_dir() else []
    if not files:  # never skip: one parameter that fails with a clear message
        return [pytest.param(None, id=f"{kind}-vectors-missing")]
    return [pytest.param(f, id=f.relative_to(VECTOR_DIR).as_posix()) for f in files]


def _b64(value: str) -> bytes:
    return base64.b64decode(value, validate=True)


def _load(path: Path | None) -> tuple[dict[str, Any], bool]:
    if path is None:
        pytest.fail(MISSING)
    vector: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    name = path.relative_to(VECTOR_DIR).as_posix()
    want_err = vector["wantErr"]
    assert isinstance(want_err, bool), f"{name}: wantErr must be a boolean"
    if name in DEVIATIONS:
        want_err = not want_err
    return vector, want_err


def _proof(vector: dict[str, Any]) -> list[bytes]:
    return [_b64(h) for h in vector["proof"] or []]


@pytest.mark.parametrize("path", _vector_params("inclusion"))
def test_inclusion_vector(path: Path | None) -> None:
    v, want_err = _load(path)
    args = (v["leafIdx"], v["treeSize"], _b64(v["leafHash"]), _proof(v), _b64(v["root"]))
    if want_err:
        with pytest.raises(ProofError):
            verify_inclusion(*args)
    else:
        verify_inclusion(*args)


@pytest.mark.parametrize("path", _vector_params("consistency"))
def test_consistency_vector(path: Path | None) -> None:
    v, want_err = _load(path)
    args = (v["size1"], v["size2"], _b64(v["root1"]), _b64(v["root2"]), _proof(v))
    if want_err:
        with pytest.raises(ProofError):
            verify_consistency(*args)
    else:
        verify_consistency(*args)


def test_vector_set_is_complete() -> None:
    """The conformance run covers both kinds, both outcomes, and every listed deviation."""
    if not VECTOR_DIR.is_dir():
        pytest.fail(MISSING)
    for kind in ("inclusion", "consistency"):
        outcomes = [
            json.loads(f.read_text(encoding="utf-8"))["wantErr"]
            for f in (VECTOR_DIR / kind).rglob("*.json")
        ]
        assert True in outcomes, f"no failing {kind} vectors"
        assert False in outcomes, f"no passing {kind} vectors"
    for name in DEVIATIONS:
        assert (VECTOR_DIR / name).is_file(), f"deviation {name} names no vector"


# --- reference implementation: RFC 9162 §2.1 read literally, with list slices ---------------


def ref_mth(data: Sequence[bytes]) -> bytes:
    n = len(data)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashlib.sha256(b"\x00" + data[0]).digest()
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + ref_mth(data[:k]) + ref_mth(data[k:])).digest()


def ref_path(m: int, data: Sequence[bytes]) -> list[bytes]:
    n = len(data)
    if n == 1:
        return []
    k = 1
    while k * 2 < n:
        k *= 2
    if m < k:
        return [*ref_path(m, data[:k]), ref_mth(data[k:])]
    return [*ref_path(m - k, data[k:]), ref_mth(data[:k])]


def ref_subproof(m: int, data: Sequence[bytes], complete: bool) -> list[bytes]:
    n = len(data)
    if m == n:
        return [] if complete else [ref_mth(data)]
    k = 1
    while k * 2 < n:
        k *= 2
    if m <= k:
        return [*ref_subproof(m, data[:k], complete), ref_mth(data[k:])]
    return [*ref_subproof(m - k, data[k:], False), ref_mth(data[:k])]


# --- known answers ------------------------------------------------------------------------

# The eight leaves of the Certificate Transparency reference tree and its roots at sizes 1..8.
CT_LEAVES = [bytes.fromhex(h) for h in ("", "00", "10", "2021", "3031", "40414243",
             "5051525354555657", "606162636465666768696a6b6c6d6e6f")]  # fmt: skip
CT_ROOTS = [bytes.fromhex(h) for h in (
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
)]  # fmt: skip


def test_hash_primitives() -> None:
    assert empty_root() == bytes.fromhex(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )
    assert leaf_hash(b"") == CT_ROOTS[0]
    assert (
        node_hash(b"a" * 32, b"b" * 32) == hashlib.sha256(b"\x01" + b"a" * 32 + b"b" * 32).digest()
    )
    assert root([]) == empty_root()


@pytest.mark.parametrize("size", range(1, 9))
def test_known_roots(size: int) -> None:
    leaves = [leaf_hash(d) for d in CT_LEAVES[:size]]
    assert root(leaves) == CT_ROOTS[size - 1]
    assert CompactTree(leaves).root() == CT_ROOTS[size - 1]


def test_exhaustive_small_trees_match_reference() -> None:
    data = [i.to_bytes(2, "big") for i in range(40)]
    for n in range(1, len(data) + 1):
        leaves = [leaf_hash(d) for d in data[:n]]
        tree_root = root(leaves)
        assert tree_root == ref_mth(data[:n])
        for i in range(n):
            proof = inclusion_proof(leaves, i)
            assert proof == ref_path(i, data[:n])
            verify_inclusion(i, n, leaves[i], proof, tree_root)
        for m in range(1, n + 1):
            proof = consistency_proof(leaves, m)
            assert proof == ref_subproof(m, data[:n], True)
            verify_consistency(m, n, root(leaves[:m]), tree_root, proof)


# --- properties -----------------------------------------------------------------------------


@st.composite
def trees(draw: st.DrawFn) -> list[bytes]:
    """Entries of a tree with a uniformly drawn size in 1..300 (so large shapes are common)."""
    size = draw(st.integers(1, 300), label="size")
    salt = draw(st.binary(max_size=8), label="salt")
    return [salt + i.to_bytes(2, "big") for i in range(size)]


@settings(max_examples=150, deadline=None)
@given(data=trees(), pick=st.data())
def test_inclusion_proofs_verify_and_bit_flips_fail(data: list[bytes], pick: st.DataObject) -> None:
    leaves = [leaf_hash(d) for d in data]
    n = len(leaves)
    index = pick.draw(st.integers(0, n - 1), label="index")
    tree_root = root(leaves)
    assert tree_root == ref_mth(data)
    proof = inclusion_proof(leaves, index)
    verify_inclusion(index, n, leaves[index], proof, tree_root)

    # Flip one bit of one proof hash, the leaf hash or the root: verification must fail.
    target = pick.draw(st.integers(-2, len(proof) - 1), label="target")
    bit = pick.draw(st.integers(0, 255), label="bit")
    bad_proof, bad_leaf, bad_root = list(proof), leaves[index], tree_root
    if target == -2:
        bad_root = _flip(tree_root, bit)
    elif target == -1:
        bad_leaf = _flip(bad_leaf, bit)
    else:
        bad_proof[target] = _flip(proof[target], bit)
    with pytest.raises(ProofError):
        verify_inclusion(index, n, bad_leaf, bad_proof, bad_root)
    # Neither a missing nor an extra hash is accepted.
    with pytest.raises(ProofError):
        verify_inclusion(index, n, leaves[index], [*proof, tree_root], tree_root)
    if proof:
        with pytest.raises(ProofError):
            verify_inclusion(index, n, leaves[index], proof[:-1], tree_root)


@settings(max_examples=150, deadline=None)
@given(data=trees(), pick=st.data())
def test_consistency_proofs_verify_and_bit_flips_fail(
    data: list[bytes], pick: st.DataObject
) -> None:
    leaves = [leaf_hash(d) for d in data]
    n = len(leaves)
    m = pick.draw(st.integers(1, n), label="size1")
    root1, root2 = root(leaves[:m]), root(leaves)
    proof = consistency_proof(leaves, m)
    assert proof == ref_subproof(m, data, True)
    verify_consistency(m, n, root1, root2, proof)
    if m == n:
        assert proof == []
        return

    target = pick.draw(st.integers(-2, len(proof) - 1), label="target")
    bit = pick.draw(st.integers(0, 255), label="bit")
    bad_proof, bad1, bad2 = list(proof), root1, root2
    if target == -2:
        bad1 = _flip(root1, bit)
    elif target == -1:
        bad2 = _flip(root2, bit)
    else:
        bad_proof[target] = _flip(proof[target], bit)
    with pytest.raises(ProofError):
        verify_consistency(m, n, bad1, bad2, bad_proof)
    with pytest.raises(ProofError):
        verify_consistency(m, n, root1, root2, proof[:-1])
    with pytest.raises(ProofError):
        verify_consistency(m, n, root1, root2, [*proof, root2])


@settings(max_examples=40, deadline=None)
@given(data=trees())
def test_compact_tree_root_after_every_append(data: list[bytes]) -> None:
    tree = CompactTree()
    assert tree.root() == empty_root()
    leaves: list[bytes] = []
    for d in data:
        leaves.append(leaf_hash(d))
        tree.append(leaves[-1])
        assert tree.size == len(leaves)
        assert len(tree.frontier) == tree.size.bit_count()
        assert tree.root() == root(leaves)
        restored = CompactTree.from_frontier(tree.size, tree.frontier)
        assert restored.root() == tree.root()


def _flip(value: bytes, bit: int) -> bytes:
    out = bytearray(value)
    out[bit // 8 % len(out)] ^= 1 << (bit % 8)
    return bytes(out)


# --- malformed input ------------------------------------------------------------------------

H = leaf_hash(b"x")


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        ((0, 0, H, [], H), "not below tree size"),
        ((3, 2, H, [H], H), "not below tree size"),
        ((-1, 2, H, [H], H), "negative"),
        ((0, 1, H[:31], [], H), "leaf hash is 31 bytes"),
        ((0, 1, H, [], H + b"\x00"), "root hash is 33 bytes"),
        ((0, 2, H, [b""], H), "proof hash 0 is 0 bytes"),
        ((0, 2, H, [], H), "must have 1 hashes, got 0"),
        ((0, 1, H, [H], H), "must have 0 hashes, got 1"),
        ((0, 1, H, [], node_hash(H, H)), "leads to root"),
    ],
)
def test_verify_inclusion_reasons(args: tuple[Any, ...], reason: str) -> None:
    with pytest.raises(ProofError, match=reason):
        verify_inclusion(*args)


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        ((2, 1, H, H, []), "greater than size2"),
        ((-1, 1, H, H, []), "negative"),
        ((1, 2, H, H[:8], [H]), "root2 is 8 bytes"),
        ((1, 1, H, H[:8], []), "roots differ"),
        ((1, 2, H, H, [b"short"]), "proof hash 0 is 5 bytes"),
        ((1, 1, H, H, [H]), "proof has 1 hashes"),
        ((1, 1, H, node_hash(H, H), []), "roots differ"),
        ((0, 0, H, H, []), "empty root"),
        ((0, 1, empty_root(), H, []), "empty tree"),
        ((1, 2, H, H, []), "is empty"),
        ((1, 2, H, node_hash(H, H), [H, H]), "too many"),
        ((3, 4, H, H, [H]), "too few"),
        ((1, 2, H, node_hash(H, H), [b"\x00" * 32]), "root2"),
    ],
)
def test_verify_consistency_reasons(args: tuple[Any, ...], reason: str) -> None:
    with pytest.raises(ProofError, match=reason):
        verify_consistency(*args)


def test_empty_tree_consistency_with_itself() -> None:
    verify_consistency(0, 0, empty_root(), empty_root(), [])


def test_proof_errors_are_value_errors() -> None:
    assert issubclass(ProofError, ValueError)


def test_generator_argument_checks() -> None:
    leaves = [leaf_hash(b"a"), leaf_hash(b"b")]
    for bad_index in (-1, 2):
        with pytest.raises(ValueError, match="outside"):
            inclusion_proof(leaves, bad_index)
    for bad_size in (0, 3):
        with pytest.raises(ValueError, match="0 < size1 <= size2"):
            consistency_proof(leaves, bad_size)
    with pytest.raises(ValueError, match="leaf hash 1 is 1 bytes"):
        root([H, b"a"])
    with pytest.raises(ValueError, match="32"):
        CompactTree().append(b"raw event bytes")
    with pytest.raises(ValueError, match="frontier hashes"):
        CompactTree.from_frontier(3, [H])
    with pytest.raises(ValueError, match="negative"):
        CompactTree.from_frontier(-1, [])
