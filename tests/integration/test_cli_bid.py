"""``venue-admin bid seal | inspect | decrypt`` as an operator runs them: keys and
certificates made at run time, envelopes from our sealer and from the real
``openssl cms -encrypt``, every failure with its own message, exit 1 and no output
file; a SoftHSM2 token through ``--pkcs11`` in a child process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.support.require import unavailable
from tests.support.softhsm import PIN, SoftHsmLab, missing_reason
from tests.unit.crypto_cms.support import Identity, encrypt, make_identity
from venue_client.cli import build_parser, main
from venue_client.crypto.bids import sniff_format
from venue_client.crypto.envelope_errors import NotAnEnvelopeError

SUMMARY = {"price": "12345678.90", "duration": "365日历天", "quality": "合格"}
BID_COMMANDS = [["bid", "seal"], ["bid", "inspect"], ["bid", "decrypt"]]


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    path = tmp_path / "bid.zip"
    path.write_bytes(os.urandom(200_000) + "投标文件".encode())
    return path


@pytest.fixture
def summary_file(tmp_path: Path) -> Path:
    path = tmp_path / "summary.json"
    path.write_text(json.dumps(SUMMARY, ensure_ascii=False), encoding="utf-8")
    return path


def _seal(
    capsys: pytest.CaptureFixture[str], plain: Path, out: Path, *certs: Path, extra: tuple = ()
) -> str:
    recipients = [a for c in certs for a in ("--recipient", str(c))]
    code, stdout, err = run(capsys, "bid", "seal", *recipients, *extra, "--in", plain, "--out", out)
    assert code == 0, err
    receipt = re.search(r"SHA-256：([0-9a-f]{64})", stdout)
    assert receipt, stdout
    return receipt.group(1)


def _leftovers(directory: Path, name: str) -> list[Path]:
    return [p for p in directory.iterdir() if p.name.startswith((name, f".{name}"))]


@pytest.mark.parametrize("words", [*BID_COMMANDS, ["report", "opening-record"]], ids=" ".join)
def test_help_is_there(words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args([*words, "--help"])
    assert info.value.code == 0
    assert "--data-dir" in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["rsa", "ec"])
def test_seal_inspect_decrypt_round_trip(
    kind: str,
    tmp_path: Path,
    plain: Path,
    summary_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bidder = make_identity(tmp_path, f"bidder-{kind}", kind=kind)
    platform = make_identity(tmp_path, "platform-backup")
    sealed = tmp_path / "bid.vbe1"
    extra = ("--backup", str(platform.cert_path), "--summary", str(summary_file), "--sm4")
    receipt = _seal(capsys, plain, sealed, bidder.cert_path, extra=extra)
    assert receipt == __import__("hashlib").sha256(sealed.read_bytes()).hexdigest()

    code, out, _ = run(capsys, "bid", "inspect", sealed)
    assert code == 0
    assert "VBE1" in out and "SM4-GCM" in out and "接收者（2 个）" in out
    assert ("ecdh-p256" if kind == "ec" else "rsa-oaep-sha256") in out and "备用密钥" in out
    code, out, _ = run(capsys, "bid", "inspect", sealed, "--json")
    info = json.loads(out)
    assert info["format"] == "VBE1" and info["plaintext_size"] == plain.stat().st_size
    assert [r["backup"] for r in info["recipients"]] == [False, True]

    out_file = tmp_path / "opened.zip"
    code, out, err = run(
        capsys, "bid", "decrypt", "--key", bidder.key_path, "--cert", bidder.cert_path,
        "--receipt", receipt.upper(), "--in", sealed, "--out", out_file,
    )  # fmt: skip
    assert code == 0, err
    assert out_file.read_bytes() == plain.read_bytes()
    assert "与回执相符" in out and "12345678.90" in out
    assert out_file.stat().st_mode & 0o777 == 0o600

    # The backup key opens it too, from a PKCS#12 file with its password in a file.
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    p12 = tmp_path / "backup.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"backup", platform.key, platform.cert, None, BestAvailableEncryption(b"s3cret")
        )
    )
    (tmp_path / "pw").write_text("s3cret\n", encoding="utf-8")
    code, out, err = run(
        capsys, "--lang", "en", "bid", "decrypt", "--pkcs12", p12, "--password-file",
        tmp_path / "pw", "--in", sealed, "--out", tmp_path / "backup.zip",
    )  # fmt: skip
    assert code == 0, err
    assert (tmp_path / "backup.zip").read_bytes() == plain.read_bytes()


def test_summary_only_prints_the_summary(
    tmp_path: Path, plain: Path, summary_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bidder = make_identity(tmp_path, "bidder")
    combined = tmp_path / "bidder.pem"  # key and certificate in one file: no --cert
    combined.write_bytes(bidder.key_path.read_bytes() + bidder.cert_path.read_bytes())
    sealed = tmp_path / "bid.vbe1"
    receipt = _seal(capsys, plain, sealed, bidder.cert_path, extra=("--summary", summary_file))
    code, out, err = run(
        capsys, "bid", "decrypt", "--key", combined, "--summary-only", "--receipt", receipt,
        "--in", sealed,
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out) == SUMMARY
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["bid.zip", "bid.vbe1", "bidder.pem", "summary.json", *_key_files(bidder)]
    )


def _key_files(identity: Identity) -> list[str]:
    return [identity.key_path.name, identity.cert_path.name]


def test_openssl_cms_file_decrypts(
    tmp_path: Path, plain: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bidder = make_identity(tmp_path, "bidder")
    for cipher, stream in (("gcm", True), ("aes256", False)):
        envelope = encrypt(plain, tmp_path / f"bid-{cipher}.p7m", bidder, cipher=cipher,
                           stream=stream, padding="oaep-sha256")  # fmt: skip
        code, out, _ = run(capsys, "bid", "inspect", envelope)
        assert code == 0 and "CMS" in out and "RSA-OAEP-SHA256" in out
        assert ("AES-256-GCM" if cipher == "gcm" else "AES-256-CBC") in out
        receipt = __import__("hashlib").sha256(envelope.read_bytes()).hexdigest()
        out_file = tmp_path / f"opened-{cipher}"
        code, out, err = run(
            capsys, "bid", "decrypt", "--key", bidder.key_path, "--cert", bidder.cert_path,
            "--receipt", receipt, "--in", envelope, "--out", out_file,
        )  # fmt: skip
        assert code == 0, err
        assert out_file.read_bytes() == plain.read_bytes() and "CMS" in out
    code, _, err = run(
        capsys, "bid", "decrypt", "--key", bidder.key_path, "--cert", bidder.cert_path,
        "--summary-only", "--in", tmp_path / "bid-gcm.p7m",
    )  # fmt: skip
    assert code == 1 and "没有开标一览表" in err


def _damaged(kind: str, sealed: Path, tmp_path: Path) -> Path:
    data = bytearray(sealed.read_bytes())
    if kind == "flipped":
        data[len(data) // 2] ^= 0x01
    elif kind == "truncated":
        data = data[: len(data) - 1000]
    out = tmp_path / f"{kind}.vbe1"
    out.write_bytes(bytes(data))
    return out


@pytest.mark.parametrize(
    ("case", "zh", "en"),
    [
        ("wrong key", "密钥错误", "wrong key"),
        ("flipped", "已被篡改或损坏", "altered or damaged"),
        ("truncated", "投标文件不完整", "incomplete"),
        ("wrong receipt", "与回执", "does not match the receipt"),
    ],
)
def test_each_failure_exits_1_with_its_message_and_no_output(
    case: str,
    zh: str,
    en: str,
    tmp_path: Path,
    plain: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bidder = make_identity(tmp_path, "bidder")
    other = make_identity(tmp_path, "other")
    sealed = tmp_path / "bid.vbe1"
    receipt = _seal(capsys, plain, sealed, bidder.cert_path)
    key = other if case == "wrong key" else bidder
    source = sealed
    args: list[str | Path] = []
    if case in ("flipped", "truncated"):
        source = _damaged(case, sealed, tmp_path)
    if case == "wrong receipt":
        args = ["--receipt", "ab" * 32]
    for lang, expected in (("zh_CN", zh), ("en", en)):
        out_file = tmp_path / f"out-{lang}.zip"
        code, out, err = run(
            capsys, "--lang", lang, "bid", "decrypt", "--key", key.key_path, "--cert",
            key.cert_path, *args, "--in", source, "--out", out_file,
        )  # fmt: skip
        assert code == 1, (out, err)
        assert expected in err, err
        assert _leftovers(tmp_path, out_file.name) == []
    if case == "flipped":  # with the receipt, the receipt mismatch is what is reported
        code, _, err = run(
            capsys, "bid", "decrypt", "--key", key.key_path, "--cert", key.cert_path,
            "--receipt", receipt, "--in", source, "--out", tmp_path / "x",
        )  # fmt: skip
        assert code == 1 and "与回执" in err and not (tmp_path / "x").exists()


def test_usage_and_missing_files_exit_2(
    tmp_path: Path, plain: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["bid", "decrypt", "--in", str(plain), "--out", str(tmp_path / "o")])
    assert info.value.code == 2  # no key source
    bidder = make_identity(tmp_path, "bidder")
    code, _, err = run(capsys, "bid", "decrypt", "--key", bidder.key_path, "--in", plain)
    assert code == 2 and "--out" in err
    code, _, err = run(capsys, "bid", "inspect", tmp_path / "nothing.vbe1")
    assert code == 2 and "nothing.vbe1" in err
    code, _, err = run(capsys, "bid", "inspect", plain)
    assert code == 1 and "不是可识别的投标文件加密格式" in err
    code, _, err = run(
        capsys, "bid", "seal", "--recipient", plain, "--in", plain, "--out", tmp_path / "o"
    )
    assert code == 2 and "无法读取证书" in err and not (tmp_path / "o").exists()


def test_sniff_format() -> None:
    assert sniff_format(b"VBE1\x01\x01\x10\x01") == "VBE1"
    assert sniff_format(b"-----BEGIN CMS-----\nMIAG") == "CMS"
    # ContentInfo SEQUENCE (indefinite), OID 1.2.840.113549.1.7.3 (envelopedData)
    assert sniff_format(bytes.fromhex("308006092a864886f70d010703a080")) == "CMS"
    # GM/T 0010 envelopedData 1.2.156.10197.6.1.4.2.3
    assert sniff_format(bytes.fromhex("30820123060a2a811ccf550601040203a0")) == "GMT0010"
    with pytest.raises(NotAnEnvelopeError):
        sniff_format(b"PK\x03\x04 a zip file")


def test_decrypt_with_a_softhsm_token(
    tmp_path: Path, plain: Path, summary_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reason = missing_reason()
    if reason:
        unavailable(reason)
    lab = SoftHsmLab(tmp_path / "hsm")
    lab.init_token("bidder-key")
    key = lab.add_key(
        "bidder-key", rsa.generate_private_key(public_exponent=65537, key_size=2048), b"\x07", "b"
    )
    cert = tmp_path / "bidder.cer"  # DER, as a CA hands it out
    from cryptography.hazmat.primitives.serialization import Encoding

    cert.write_bytes(key.certificate.public_bytes(Encoding.DER))
    sealed = tmp_path / "bid.vbe1"
    # SoftHSM2 lacks OAEP-SHA256 (GOTCHAS.md): OAEP-SHA1, as for such a token.
    receipt = _seal(capsys, plain, sealed, cert,
                    extra=("--rsa-padding", "oaep-sha1", "--summary", str(summary_file)))  # fmt: skip
    pin = tmp_path / "pin"
    pin.write_text(PIN + "\n", encoding="utf-8")
    bad_pin = tmp_path / "bad-pin"
    bad_pin.write_text("000000\n", encoding="utf-8")

    def venue_admin(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "venue_client.cli", "bid", "decrypt", "--pkcs11",
             str(lab.module_path), "--token", "bidder-key", *map(str, args)],
            capture_output=True, text=True, timeout=120, env=lab.env, stdin=subprocess.DEVNULL,
        )  # fmt: skip

    out_file = tmp_path / "opened.zip"
    result = venue_admin("--password-file", pin, "--receipt", receipt, "--in", sealed,
                         "--out", out_file)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out_file.read_bytes() == plain.read_bytes()
    result = venue_admin("--password-file", pin, "--summary-only", "--in", sealed)
    assert result.returncode == 0 and json.loads(result.stdout) == SUMMARY
    result = venue_admin("--password-file", bad_pin, "--in", sealed, "--out", tmp_path / "x")
    assert result.returncode == 1 and "PIN" in result.stderr, result.stderr
    assert not (tmp_path / "x").exists()
    result = venue_admin("--in", sealed, "--out", tmp_path / "x")  # no PIN, no terminal
    assert result.returncode == 1 and "PIN" in result.stderr, result.stderr
    other = make_identity(tmp_path, "other")
    other_sealed = tmp_path / "other.vbe1"
    _seal(capsys, plain, other_sealed, other.cert_path)
    result = venue_admin("--password-file", pin, "--in", other_sealed, "--out", tmp_path / "x")
    assert result.returncode == 1 and "密钥错误" in result.stderr, result.stderr
