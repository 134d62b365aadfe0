"""``venue-admin bid seal | inspect | decrypt`` (bid envelopes, through
:mod:`venue_client.crypto.bids`) and ``venue-admin report opening-record``.

A file that cannot be opened (wrong key, changed byte, cut short, not the receipted
file), a key that does not fit and a token that refuses exit 1 with the cause; no
output file is left behind. What stops the command from running at all (a missing
file, an unreadable certificate, a bad option) exits 2.
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drivers.common.errors import DeviceError, DriverText
from venue_client.catalog import translate
from venue_client.domain.errors import QT_TRANSLATE_NOOP, Message, UserFacingError

if TYPE_CHECKING:
    from venue_client.cli import Cli
    from venue_client.crypto.bids import BidInfo, BidKey
    from venue_client.crypto.vbe1 import Recipient

M_SEALED = QT_TRANSLATE_NOOP("cli", "已加密：{path}（{format} {cipher}，{count} 个接收者）")
M_RECEIPT = QT_TRANSLATE_NOOP("cli", "回执 SHA-256：{sha256}")
M_DECRYPTED = QT_TRANSLATE_NOOP(
    "cli", "已解密：{path}（{format}，{size} 字节，接收者 {recipient}）"
)
M_RECEIPT_OK = QT_TRANSLATE_NOOP("cli", "投标文件 SHA-256 {sha256} 与回执相符")
M_FILE_SHA = QT_TRANSLATE_NOOP("cli", "投标文件 SHA-256：{sha256}（未提供回执，未比对）")
M_SUMMARY = QT_TRANSLATE_NOOP("cli", "开标一览表：{summary}")
M_FORMAT = QT_TRANSLATE_NOOP("cli", "格式：{format}（{detail}）")
M_CIPHER = QT_TRANSLATE_NOOP("cli", "内容加密算法：{cipher}")
M_SIZES = QT_TRANSLATE_NOOP("cli", "大小：文件 {file}，密文 {cipher}，明文 {plain}")
M_BYTES = QT_TRANSLATE_NOOP("cli", "{n} 字节")
M_UNKNOWN_SIZE = QT_TRANSLATE_NOOP("cli", "未知")
M_RECIPIENTS = QT_TRANSLATE_NOOP("cli", "接收者（{count} 个）：")
M_BACKUP = QT_TRANSLATE_NOOP("cli", "备用密钥")
M_UNSUPPORTED = QT_TRANSLATE_NOOP("cli", "不支持")
M_HAS_SUMMARY = QT_TRANSLATE_NOOP("cli", "开标一览表：有（需密钥才能读取）")
M_NO_SUMMARY = QT_TRANSLATE_NOOP("cli", "开标一览表：无")
M_PIN_PROMPT = QT_TRANSLATE_NOOP("cli", "{prompt}：")
E_NO_FILE = QT_TRANSLATE_NOOP("cli", "文件不存在或无法读取：{path}")
E_BAD_CERT = QT_TRANSLATE_NOOP("cli", "无法读取证书或公钥：{path}（需要 PEM/DER 证书或 SM2 公钥）")
E_BAD_JSON = QT_TRANSLATE_NOOP("cli", "开标一览表文件不是有效的 JSON：{path}（{detail}）")
E_NEED_OUT = QT_TRANSLATE_NOOP(
    "cli", "请用 --out 指定输出文件（仅读开标一览表时用 --summary-only）"
)
E_NO_CERT_IN_KEY = QT_TRANSLATE_NOOP(
    "cli", "密钥文件 {path} 中没有证书，请用 --cert 指定与密钥对应的证书"
)
E_NO_OPENING = QT_TRANSLATE_NOOP(
    "cli", "找不到开标场次或标段：{ref}（请用 sessions list 查看场次编号，如 O1，或标段编号）"
)

RSA_PADDINGS = {"oaep-sha256": "OAEP_SHA256", "oaep-sha1": "OAEP_SHA1", "pkcs1v15": "PKCS1_V15"}


class TerminalHandler:
    """The token's and key file's questions on the terminal (getpass), or answered
    once from ``--password-file``; messages go to stderr."""

    def __init__(self, lang: str, preset: str | None) -> None:
        self.lang = lang
        self._preset = preset

    def _text(self, text: DriverText, args: dict[str, object]) -> str:
        template = translate(text, self.lang)
        try:
            return template.format(**args) if args else template
        except (KeyError, IndexError, ValueError):
            return template

    def prompt_secret(self, text: DriverText, **args: object) -> str | None:
        if self._preset is not None:
            secret, self._preset = self._preset, None
            return secret
        if not sys.stdin.isatty():
            return None  # nobody to ask: the driver reports a cancelled PIN
        prompt = translate(M_PIN_PROMPT, self.lang).format(prompt=self._text(text, args))
        try:
            return getpass.getpass(prompt)
        except (EOFError, KeyboardInterrupt):
            return None

    def message(self, text: DriverText, **args: object) -> None:
        print(self._text(text, args), file=sys.stderr)

    def error(self, text: DriverText, **args: object) -> None:
        print(self._text(text, args), file=sys.stderr)


def _readable(path: Path) -> Path:
    if not path.is_file():
        raise UserFacingError(E_NO_FILE, path=path)
    return path


@contextmanager
def _failures(cli: Cli) -> Iterator[list[int]]:
    """Envelope and token failures: their own message, exit status 1."""
    from venue_client.crypto.envelope_errors import EnvelopeError

    status = [0]
    try:
        yield status
    except EnvelopeError as exc:
        cli.say(exc, err=True)
        status[0] = 1
    except DeviceError as exc:
        print(exc.render(translate(exc.text, cli.lang)), file=sys.stderr)
        status[0] = 1


# -- seal ---------------------------------------------------------------------------


def _recipient(path: Path, *, backup: bool, padding: str) -> Recipient:
    from cryptography import x509

    from drivers.token.errors import KeyFileError
    from drivers.token.keys import RsaPadding
    from venue_client.crypto.sm2 import load_sm2_public_key
    from venue_client.crypto.vbe1 import Recipient

    data = _readable(path).read_bytes()
    try:
        return Recipient(load_sm2_public_key(data), backup=backup)
    except KeyFileError:
        pass
    try:
        loader = x509.load_pem_x509_certificate if b"-----BEGIN" in data else None
        cert = loader(data) if loader else x509.load_der_x509_certificate(data)
    except ValueError:
        raise UserFacingError(E_BAD_CERT, path=path) from None
    return Recipient(cert, backup=backup, padding=RsaPadding[RSA_PADDINGS[padding]])


def _summary(path: Path | None) -> dict[str, object] | None:
    if path is None:
        return None
    try:
        value = json.loads(_readable(path).read_text("utf-8"), parse_float=_no_float)
    except (ValueError, UnicodeDecodeError) as exc:
        raise UserFacingError(E_BAD_JSON, path=path, detail=exc) from None
    return value  # type: ignore[no-any-return]  # checked by seal (an object, no floats)


def _no_float(text: str) -> object:
    raise ValueError(f'{text}: prices are decimal strings, e.g. "1234.50"')


def cmd_bid_seal(cli: Cli) -> int:
    from venue_client.crypto.plainout import plaintext_output
    from venue_client.crypto.vbe1 import seal

    a = cli.args
    recipients = [_recipient(p, backup=False, padding=a.rsa_padding) for p in a.recipient]
    recipients += [_recipient(p, backup=True, padding=a.rsa_padding) for p in a.backup]
    summary = _summary(a.summary)
    source = _readable(a.in_path)
    with _failures(cli) as status:
        with source.open("rb") as src, plaintext_output(a.out) as dst:
            info = seal(
                src,
                dst,
                recipients,
                summary=summary,
                suite="SM4-GCM" if a.sm4 else "AES-256-GCM",
            )
        envelope = info.envelope
        cli.say(
            Message(
                M_SEALED,
                path=a.out,
                format=envelope.format,
                cipher=envelope.suite,
                count=len(envelope.recipients),
            )
        )
        cli.say(Message(M_RECEIPT, sha256=info.receipt))
    return status[0]


# -- inspect ------------------------------------------------------------------------


def cmd_bid_inspect(cli: Cli) -> int:
    from venue_client.crypto.bids import inspect_bid

    with _failures(cli) as status:
        info = inspect_bid(_readable(cli.args.file))
        if cli.args.json:
            print(json.dumps(info.as_json(), ensure_ascii=False, indent=2))
        else:
            _print_info(cli, info)
    return status[0]


def _print_info(cli: Cli, info: BidInfo) -> None:
    unknown = translate(M_UNKNOWN_SIZE, cli.lang)

    def size(value: int | None) -> str:
        return unknown if value is None else translate(M_BYTES, cli.lang).format(n=value)

    cli.say(Message(M_FORMAT, format=info.format, detail=info.detail))
    cli.say(Message(M_CIPHER, cipher=info.cipher))
    cli.say(
        Message(
            M_SIZES,
            file=size(info.file_size),
            cipher=size(info.ciphertext_size),
            plain=size(info.plaintext_size),
        )
    )
    cli.say(Message(M_RECIPIENTS, count=len(info.recipients)))
    for n, r in enumerate(info.recipients, start=1):
        flags = [translate(M_BACKUP, cli.lang)] if r.backup else []
        flags += [translate(M_UNSUPPORTED, cli.lang)] if r.unsupported else []
        extra = f" [{', '.join(flags)}]" if flags else ""
        print(f"  {n}. {r.algorithm}  {r.identifier}{extra}")
    if info.format == "VBE1":
        cli.say(Message(M_HAS_SUMMARY if info.summary_present else M_NO_SUMMARY))


# -- decrypt ------------------------------------------------------------------------


def _password(cli: Cli) -> str | None:
    path: Path | None = cli.args.password_file
    if path is None:
        return None
    lines = _readable(path).read_text("utf-8").splitlines()
    return lines[0] if lines else ""


def _with_key(cli: Cli, work: Callable[[BidKey], Any]) -> Any:
    """Run ``work`` with the key the options name (on the token's thread for PKCS#11)."""
    from drivers.token.errors import KeyFileError
    from drivers.token.softkeys import SoftKeyStore
    from venue_client.crypto.sm2 import load_sm2_private_key

    a = cli.args
    secret = _password(cli)
    handler = TerminalHandler(cli.lang, secret)
    if a.pkcs11 is not None:
        from drivers.token.pkcs11 import Pkcs11Module

        token = Pkcs11Module(_readable(a.pkcs11)).open_token(label=a.token)
        try:
            return token.run(handler, work).result()
        finally:
            token.close()
    if a.pkcs12 is not None:
        password = secret.encode() if secret is not None else None
        store = SoftKeyStore.from_pkcs12(_readable(a.pkcs12), password=password, handler=handler)
        return work(store)
    key_path = _readable(a.key)
    data = key_path.read_bytes()
    try:
        sm2_key = load_sm2_private_key(data, secret.encode() if secret is not None else None)
    except KeyFileError:
        sm2_key = None  # not an SM2 key: RSA or EC with its certificate
    if sm2_key is not None:
        return work(sm2_key)
    cert_path = _readable(a.cert) if a.cert is not None else key_path
    if a.cert is None and b"CERTIFICATE-----" not in data:
        raise UserFacingError(E_NO_CERT_IN_KEY, path=key_path)
    password = secret.encode() if secret is not None else None
    store = SoftKeyStore.from_pem(key_path, cert_path, password=password, handler=handler)
    return work(store)


def cmd_bid_decrypt(cli: Cli) -> int:
    from venue_client.crypto.bids import BidOpened, decrypt_bid, open_bid_summary

    a = cli.args
    source = _readable(a.in_path)
    if not a.summary_only and a.out is None:
        raise UserFacingError(E_NEED_OUT)
    with _failures(cli) as status:
        if a.summary_only:
            summary = _with_key(cli, lambda key: open_bid_summary(source, key, a.receipt))
            print(json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True))
            return 0
        opened: BidOpened = _with_key(cli, lambda key: decrypt_bid(source, a.out, key, a.receipt))
        who = opened.recipient.algorithm + (" backup" if opened.recipient.backup else "")
        cli.say(
            Message(
                M_DECRYPTED,
                path=a.out,
                format=opened.format,
                size=opened.plaintext_size,
                recipient=who,
            )
        )
        cli.say(Message(M_RECEIPT_OK if a.receipt else M_FILE_SHA, sha256=opened.sha256))
        if opened.summary is not None:
            cli.say(
                Message(
                    M_SUMMARY,
                    summary=json.dumps(opened.summary, ensure_ascii=False, sort_keys=True),
                )
            )
    return status[0]


# -- report opening-record ----------------------------------------------------------


def cmd_report_opening(cli: Cli) -> int:
    from venue_client.reports.opening import write_opening_record
    from venue_client.services.opening import OpeningService

    ctx = cli.context()
    try:
        ref = _opening_ref(cli, cli.args.section)
    except UserFacingError as exc:
        cli.say(exc, err=True)
        return 1
    record = OpeningService(ctx).record_data(ref)
    write_opening_record(
        record,
        cli.args.out,
        generated_at=ctx.clock.now(),
        audit_seq=_audit_seq(cli, ref),
        translate=lambda text: translate(text, cli.lang),
    )
    from venue_client.cli import M_REPORT_WRITTEN

    cli.say(Message(M_REPORT_WRITTEN, path=cli.args.out))
    return 0


def _opening_ref(cli: Cli, text: str) -> str:
    """``O1`` (as ``report signin`` and ``sessions list`` name it) or the section's
    BID_SECTION_CODE, to the opening session's reference."""
    from venue_client.services.schedule import ScheduleService

    wanted = text.strip()
    for s in ScheduleService(cli.context()).sessions(None):
        if s.kind == "opening" and wanted in (s.id, s.id.lower(), s.section_code):
            return s.id
    raise UserFacingError(E_NO_OPENING, ref=text)


def _audit_seq(cli: Cli, ref: str) -> int | None:
    from venue_client.services.opening_export import latest_audit_seq

    return latest_audit_seq(cli.context(), ref)


HANDLERS: dict[str, Callable[[Cli], int]] = {
    "bid seal": cmd_bid_seal,
    "bid inspect": cmd_bid_inspect,
    "bid decrypt": cmd_bid_decrypt,
    "report opening-record": cmd_report_opening,
}
