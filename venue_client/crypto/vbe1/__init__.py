"""VBE1, the Venue Bid Envelope (``docs/vbe1.md``): a file key wrapped for each
recipient (RSA OAEP/PKCS#1 v1.5, ECDH P-256, SM2, local symmetric key), an
HMAC-authenticated header, a separately encrypted opening summary, and a STREAM
payload of AES-256-GCM or SM4-GCM chunks."""

from venue_client.crypto.vbe1.envelope import decrypt, decrypt_file, inspect, open_summary
from venue_client.crypto.vbe1.info import DecryptInfo, EnvelopeInfo, RecipientInfo, SealInfo
from venue_client.crypto.vbe1.recipients import Recipient
from venue_client.crypto.vbe1.seal import seal
from venue_client.crypto.vbe1.unwrap import OpeningKey

__all__ = [
    "DecryptInfo",
    "EnvelopeInfo",
    "OpeningKey",
    "Recipient",
    "RecipientInfo",
    "SealInfo",
    "decrypt",
    "decrypt_file",
    "inspect",
    "open_summary",
    "seal",
]
