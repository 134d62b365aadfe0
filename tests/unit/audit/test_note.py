"""Tests of venue_client.audit.note: Go x/mod/sumdb/note interoperability, notes, checkpoints."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from venue_client.audit.note import (
    Checkpoint,
    CheckpointError,
    NoteError,
    Signature,
    Signer,
    Verifier,
    generate_signer_key,
    key_id,
    open_note,
    sign_note,
)

# Published test vectors of golang.org/x/mod/sumdb/note (note_test.go).
PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
PETER_SIG_B64 = (
    "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="
)
ENOCH_SIG_B64 = (
    "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ="
)
PETER_LINE = f"— PeterNeumann {PETER_SIG_B64}\n"
ENOCH_LINE = f"— EnochRoot {ENOCH_SIG_B64}\n"
PETER_NOTE = TEXT + "\n" + PETER_LINE


# --- Go interoperability ------------------------------------------------------------------


def test_go_signer_key_id_and_vkey() -> None:
    signer = Signer.from_key(PETER_SKEY)
    assert signer.name == "PeterNeumann"
    assert signer.key_id == 0xC74F20A3
    assert signer.verifier_key() == PETER_VKEY


def test_go_verifier_keys_parse_and_round_trip() -> None:
    cases = [(PETER_VKEY, "PeterNeumann", 0xC74F20A3), (ENOCH_VKEY, "EnochRoot", 0xAF0CFE78)]
    for vkey, name, kid in cases:
        verifier = Verifier.from_vkey(vkey)
        assert (verifier.name, verifier.key_id, verifier.vkey()) == (name, kid, vkey)
        assert key_id(name, verifier.public_key) == kid


def test_go_signature_bytes_are_reproduced() -> None:
    assert sign_note(TEXT, Signer.from_key(PETER_SKEY)) == PETER_NOTE
    raw = base64.b64decode(PETER_SIG_B64)
    assert raw[:4] == bytes.fromhex("c74f20a3")
    assert Signer.from_key(PETER_SKEY).sign(TEXT.encode()) == raw[4:]


def test_go_note_opens_with_known_and_unknown_signers() -> None:
    peter, enoch = Verifier.from_vkey(PETER_VKEY), Verifier.from_vkey(ENOCH_VKEY)
    note = open_note(PETER_NOTE + ENOCH_LINE, [peter])
    assert note.text == TEXT
    assert [(s.name, s.key_id) for s in note.signatures] == [("PeterNeumann", 0xC74F20A3)]
    assert [(s.name, s.key_id) for s in note.unverified] == [("EnochRoot", 0xAF0CFE78)]
    both = open_note((PETER_NOTE + ENOCH_LINE).encode(), [peter, enoch])
    assert [s.name for s in both.signatures] == ["PeterNeumann", "EnochRoot"]
    assert both.unverified == ()
    assert both.signatures[0].line() == PETER_LINE


def test_go_note_with_only_unknown_signers_is_rejected() -> None:
    with pytest.raises(NoteError, match="no signature from a known key"):
        open_note(PETER_NOTE + ENOCH_LINE, [])


def test_go_key_manglings_are_rejected() -> None:
    """Every proper substring and every single-character change of the Go keys fails."""
    for key, parse in ((PETER_VKEY, Verifier.from_vkey), (PETER_SKEY, Signer.from_key)):
        mangled = {key[i:j] for i in range(len(key)) for j in range(i + 1, len(key) + 1)}
        mangled |= {key[:i] + chr(ord(key[i]) + 1) + key[i + 1 :] for i in range(len(key))}
        mangled.discard(key)
        for bad in sorted(mangled):
            with pytest.raises(NoteError):
                parse(bad)


def test_go_wrong_length_and_unknown_algorithm_keys() -> None:
    with pytest.raises(NoteError):  # wrong key length, with a matching key id
        Verifier.from_vkey(
            "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="
        )
    with pytest.raises(NoteError):  # unknown algorithm byte, with a matching key id
        Verifier.from_vkey("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")


# --- signing and opening --------------------------------------------------------------------


@pytest.fixture(scope="module")
def signer() -> Signer:
    return Signer.from_key(generate_signer_key("venue.example/audit"))


def test_generated_key_format(signer: Signer) -> None:
    skey = generate_signer_key("venue.example/audit")
    private, key, name, hex_id, rest = skey.split("+", 4)  # base64 may itself contain "+"
    assert (private, key, name, len(hex_id)) == ("PRIVATE", "KEY", "venue.example/audit", 8)
    assert int(hex_id, 16) == Signer.from_key(skey).key_id
    assert base64.b64decode(rest)[0] == 0x01 and len(base64.b64decode(rest)) == 33
    assert Signer.from_key(skey).verifier_key().startswith("venue.example/audit+")
    assert generate_signer_key("venue.example/audit") != skey
    assert "PRIVATE" not in repr(signer) and rest not in repr(Signer.from_key(skey))


@settings(max_examples=50, deadline=None)
@given(
    lines=st.lists(
        st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40), min_size=1
    )
)
def test_round_trip(lines: list[str]) -> None:
    signer = Signer.from_key(PETER_SKEY)
    text = "".join(line + "\n" for line in lines)
    note = open_note(sign_note(text, signer), [signer.verifier()])
    assert note.text == text
    assert [s.key_id for s in note.signatures] == [signer.key_id]


def test_two_signers_and_blank_lines_in_text(signer: Signer) -> None:
    text = "first\n\nthird line after a blank one\n"
    peter = Signer.from_key(PETER_SKEY)
    signed = sign_note(text, signer, peter)
    assert open_note(signed, [peter.verifier()]).text == text
    assert len(open_note(signed, [signer.verifier(), peter.verifier()]).signatures) == 2


def test_tampered_body(signer: Signer) -> None:
    signed = sign_note("size 10\n", signer)
    with pytest.raises(NoteError, match="invalid signature"):
        open_note(signed.replace("10", "11"), [signer.verifier()])


def test_tampered_signature(signer: Signer) -> None:
    head, _, b64 = sign_note("x\n", signer).rstrip("\n").rpartition(" ")
    raw = bytearray(base64.b64decode(b64))
    raw[-1] ^= 1
    with pytest.raises(NoteError, match="invalid signature"):
        open_note(f"{head} {base64.b64encode(raw).decode()}\n", [signer.verifier()])


def test_truncated_signature_from_known_key(signer: Signer) -> None:
    kid = signer.key_id.to_bytes(4, "big")
    bad = Signature(signer.name, int.from_bytes(kid, "big"), b"\x00" * 10).line()
    with pytest.raises(NoteError, match="invalid signature"):
        open_note("x\n\n" + bad, [signer.verifier()])


def test_wrong_key(signer: Signer) -> None:
    impostor = Signer.from_key(generate_signer_key(signer.name))  # same name, other key
    signed = sign_note("x\n", impostor)
    with pytest.raises(NoteError, match="no signature from a known key"):
        open_note(signed, [signer.verifier()])


def test_known_key_bad_signature_rejects_whole_note(signer: Signer) -> None:
    peter = Signer.from_key(PETER_SKEY)
    good = sign_note("x\n", signer)
    forged = Signature(peter.name, peter.key_id, b"\x01" * 64).line()
    with pytest.raises(NoteError, match="invalid signature for key PeterNeumann"):
        open_note(good + forged, [signer.verifier(), peter.verifier()])


def test_ambiguous_verifiers() -> None:
    peter = Verifier.from_vkey(PETER_VKEY)
    assert open_note(PETER_NOTE, [peter, Verifier.from_vkey(PETER_VKEY)]).signatures
    other = Verifier(peter.name, bytes(32))
    other.key_id = peter.key_id  # forge a collision of name and key id
    with pytest.raises(NoteError, match="ambiguous"):
        open_note(PETER_NOTE, [peter, other])


@pytest.mark.parametrize(
    "note",
    [
        pytest.param(TEXT, id="no-signatures"),
        pytest.param(TEXT + "\n", id="blank-line-only"),
        pytest.param(TEXT + "\n" + PETER_LINE[:-1], id="no-trailing-newline"),
        pytest.param(TEXT + PETER_LINE, id="no-blank-line"),
        pytest.param(TEXT + "\n" + PETER_LINE.replace("—", "-"), id="hyphen-not-em-dash"),
        pytest.param(TEXT + "\n" + PETER_LINE.replace("— ", "—"), id="em-dash-without-space"),
        pytest.param(TEXT + "\n" + PETER_LINE + "Unexpected line.\n", id="trailing-text"),
        pytest.param(TEXT + "\n" + PETER_LINE + "\n", id="trailing-blank-line"),
        pytest.param("\x01" + PETER_NOTE, id="control-character"),
        pytest.param(b"\xff" + PETER_NOTE.encode(), id="invalid-utf8"),
        pytest.param(TEXT + "\n— Bad Name " + PETER_SIG_B64 + "\n", id="space-in-name"),
        pytest.param(TEXT + "\n— PeterNeumann\n", id="no-signature"),
        pytest.param(TEXT + "\n— PeterNeumann AAAA\n", id="signature-too-short"),
        pytest.param(TEXT + "\n— PeterNeumann x08go*\n", id="bad-base64"),
        pytest.param(TEXT + "\n" + PETER_LINE * 101, id="too-many-signatures"),
    ],
)
def test_malformed_notes(note: str | bytes) -> None:
    with pytest.raises(NoteError):
        open_note(note, [Verifier.from_vkey(PETER_VKEY)])


def test_sixteen_signatures_are_accepted() -> None:
    note = open_note(PETER_NOTE + PETER_LINE * 15, [Verifier.from_vkey(PETER_VKEY)])
    assert len(note.signatures) == 1  # identical lines count once


@pytest.mark.parametrize(
    "text",
    ["", "no trailing newline", "tab\there\n", "nul\x00\n", "lone \ud800 surrogate\n"],
)
def test_sign_rejects_invalid_text(text: str) -> None:
    with pytest.raises(NoteError):
        sign_note(text, Signer.from_key(PETER_SKEY))


def test_sign_needs_a_signer() -> None:
    with pytest.raises(NoteError, match="at least one signer"):
        sign_note(TEXT)


@pytest.mark.parametrize("name", ["", "a b", "a+b", "tab\tname", "nbsp\u00a0name", "a\nb"])
def test_invalid_key_names(name: str) -> None:
    with pytest.raises(NoteError):
        Signer(name, bytes(32))
    with pytest.raises(NoteError):
        generate_signer_key(name)


# --- checkpoints ----------------------------------------------------------------------------

ROOT = bytes(range(32))


def test_checkpoint_text_and_parse() -> None:
    cp = Checkpoint("venue.example/audit", 20852163, ROOT, ("ext one",))
    text = cp.to_text()
    assert text == (
        "venue.example/audit\n20852163\n" + base64.b64encode(ROOT).decode() + "\next one\n"
    )
    assert Checkpoint.parse(text) == cp
    assert Checkpoint.parse(Checkpoint("o", 0, ROOT).to_text()) == Checkpoint("o", 0, ROOT, ())


def test_signed_checkpoint_round_trip(signer: Signer) -> None:
    cp = Checkpoint("venue.example/audit", 7, ROOT)
    note = open_note(sign_note(cp.to_text(), signer), [signer.verifier()])
    assert Checkpoint.parse(note.text) == cp


def test_c2sp_example_checkpoint_parses() -> None:
    cp = Checkpoint.parse(
        "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
    )
    assert (cp.origin, cp.size, len(cp.root_hash), cp.extensions) == (
        "example.com/behind-the-sofa", 20852163, 32, ()
    )  # fmt: skip


R64 = base64.b64encode(ROOT).decode()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"o\n007\n{R64}\n", id="leading-zeros"),
        pytest.param(f"o\n00\n{R64}\n", id="double-zero"),
        pytest.param(f"o\n-1\n{R64}\n", id="negative"),
        pytest.param(f"o\n+1\n{R64}\n", id="plus-sign"),
        pytest.param(f"o\n 1\n{R64}\n", id="space"),
        pytest.param(f"o\n1_0\n{R64}\n", id="underscore"),
        pytest.param(f"o\n\u0661\n{R64}\n", id="arabic-indic-digit"),
        pytest.param(f"o\n{1 << 64}\n{R64}\n", id="above-uint64"),
        pytest.param(f"o\n\n{R64}\n", id="empty-size"),
        pytest.param("o\n1\n!!not base64!!\n", id="bad-base64"),
        pytest.param(f"o\n1\n{R64[:-1]}\n", id="unpadded-base64"),
        pytest.param(f"o\n1\n{base64.b64encode(ROOT[:31]).decode()}\n", id="31-byte-root"),
        pytest.param(f"o\n1\n{base64.b64encode(ROOT + b'!').decode()}\n", id="33-byte-root"),
        pytest.param(f"\n1\n{R64}\n", id="empty-origin"),
        pytest.param(f"o\n1\n{R64}", id="no-trailing-newline"),
        pytest.param("o\n1\n", id="no-root-line"),
        pytest.param(f"o\n1\n{R64}\n\n", id="empty-extension-line"),
        pytest.param(f"o\x01\n1\n{R64}\n", id="control-character"),
    ],
)
def test_checkpoint_parse_errors(text: str) -> None:
    with pytest.raises(CheckpointError):
        Checkpoint.parse(text)


def test_checkpoint_constructor_checks() -> None:
    with pytest.raises(CheckpointError):
        Checkpoint("", 1, ROOT)
    with pytest.raises(CheckpointError):
        Checkpoint("o", -1, ROOT)
    with pytest.raises(CheckpointError):
        Checkpoint("o", 1, ROOT[:16])
    with pytest.raises(CheckpointError):
        Checkpoint("o", 1, ROOT, ("two\nlines",))
    assert issubclass(CheckpointError, NoteError) and issubclass(NoteError, ValueError)
