"""From python-pkcs11 exceptions to the PKCS#11 return value and a typed error.

python-pkcs11 raises one class per ``CKR_*`` value but does not keep the number;
this table restores it (by class name, so a class missing from another release
does no harm). Values it does not map arrive as "Unmapped error code 0x..".
"""

from __future__ import annotations

import re

from drivers.token import errors as e

CODES: dict[str, int] = {
    "HostMemory": 0x02,
    "SlotIDInvalid": 0x03,
    "GeneralError": 0x05,
    "FunctionFailed": 0x06,
    "ArgumentsBad": 0x07,
    "AttributeReadOnly": 0x10,
    "AttributeSensitive": 0x11,
    "AttributeTypeInvalid": 0x12,
    "AttributeValueInvalid": 0x13,
    "DataInvalid": 0x20,
    "DataLenRange": 0x21,
    "DeviceError": 0x30,
    "DeviceMemory": 0x31,
    "DeviceRemoved": 0x32,
    "EncryptedDataInvalid": 0x40,
    "EncryptedDataLenRange": 0x41,
    "FunctionCancelled": 0x50,
    "FunctionNotSupported": 0x54,
    "KeyHandleInvalid": 0x60,
    "KeySizeRange": 0x62,
    "KeyTypeInconsistent": 0x63,
    "KeyNotNeeded": 0x64,
    "KeyNeeded": 0x66,
    "KeyIndigestible": 0x67,
    "KeyNotWrappable": 0x69,
    "KeyUnextractable": 0x6A,
    "MechanismInvalid": 0x70,
    "MechanismParamInvalid": 0x71,
    "ObjectHandleInvalid": 0x82,
    "OperationActive": 0x90,
    "OperationNotInitialized": 0x91,
    "PinIncorrect": 0xA0,
    "PinInvalid": 0xA1,
    "PinLenRange": 0xA2,
    "PinExpired": 0xA3,
    "PinLocked": 0xA4,
    "SessionClosed": 0xB0,
    "SessionCount": 0xB1,
    "SessionHandleInvalid": 0xB3,
    "SessionReadOnly": 0xB5,
    "SessionExists": 0xB6,
    "SignatureInvalid": 0xC0,
    "SignatureLenRange": 0xC1,
    "TemplateIncomplete": 0xD0,
    "TemplateInconsistent": 0xD1,
    "TokenNotPresent": 0xE0,
    "TokenNotRecognised": 0xE1,
    "TokenWriteProtected": 0xE2,
    "UnwrappingKeyHandleInvalid": 0xF0,
    "UnwrappingKeySizeRange": 0xF1,
    "UnwrappingKeyTypeInconsistent": 0xF2,
    "UserAlreadyLoggedIn": 0x100,
    "UserNotLoggedIn": 0x101,
    "UserPinNotInitialized": 0x102,
    "AnotherUserAlreadyLoggedIn": 0x104,
    "UserTooManyTypes": 0x105,
    "WrappedKeyInvalid": 0x110,
    "WrappedKeyLenRange": 0x112,
    "DomainParamsInvalid": 0x130,
    "FunctionRejected": 0x200,
}

# The token, its session or the library went away.
REMOVED = frozenset(
    {
        e.CKR_DEVICE_REMOVED,
        e.CKR_TOKEN_NOT_PRESENT,
        e.CKR_TOKEN_NOT_RECOGNIZED,
        e.CKR_SESSION_HANDLE_INVALID,
        e.CKR_SESSION_CLOSED,
        e.CKR_CRYPTOKI_NOT_INITIALIZED,
    }
)
# Removal shows up as these too (SoftHSM2: a deleted token's objects give
# OBJECT_HANDLE_INVALID, its token info GENERAL_ERROR): ask whether it is still there.
SUSPECT = frozenset(
    {
        e.CKR_OBJECT_HANDLE_INVALID,
        e.CKR_KEY_HANDLE_INVALID,
        e.CKR_GENERAL_ERROR,
        e.CKR_FUNCTION_FAILED,
        e.CKR_DEVICE_ERROR,
    }
)
UNSUPPORTED = frozenset(
    {
        e.CKR_MECHANISM_INVALID,
        e.CKR_MECHANISM_PARAM_INVALID,
        e.CKR_FUNCTION_NOT_SUPPORTED,
        e.CKR_KEY_FUNCTION_NOT_PERMITTED,
        e.CKR_KEY_TYPE_INCONSISTENT,
        e.CKR_KEY_UNEXTRACTABLE,
        e.CKR_ATTRIBUTE_SENSITIVE,
    }
)
# Decrypting a ciphertext made for another key (SoftHSM2 says GENERAL_ERROR).
BAD_CIPHERTEXT = frozenset(
    {
        e.CKR_ENCRYPTED_DATA_INVALID,
        e.CKR_ENCRYPTED_DATA_LEN_RANGE,
        e.CKR_GENERAL_ERROR,
        e.CKR_FUNCTION_FAILED,
        0x110,  # CKR_WRAPPED_KEY_INVALID
        0x112,  # CKR_WRAPPED_KEY_LEN_RANGE
    }
)

_UNMAPPED = re.compile(r"0x([0-9a-fA-F]+)")


def code_of(exc: BaseException) -> int | None:
    """The ``CKR_*`` value behind a python-pkcs11 exception, when it can be told."""
    for cls in type(exc).__mro__:
        if cls.__name__ in CODES:
            return CODES[cls.__name__]
    text = str(exc)
    if "not initialized" in text:
        return e.CKR_CRYPTOKI_NOT_INITIALIZED
    match = _UNMAPPED.search(text)
    return int(match.group(1), 16) if match else None


def translate(
    exc: BaseException,
    operation: str,
    *,
    mechanism: str = "",
    present: bool = True,
) -> e.TokenError:
    """The typed error for a failed ``operation``; ``present`` says whether the
    token still answered after the failure (the caller asks it)."""
    code = code_of(exc)
    if code == e.CKR_PIN_LOCKED:
        return e.PinLockedError()
    if code == e.CKR_PIN_EXPIRED:
        return e.PinExpiredError()
    if code in REMOVED or (code in SUSPECT and not present) or (code is None and not present):
        return e.TokenRemovedError(code=code)
    if code in UNSUPPORTED or (code == e.CKR_ARGUMENTS_BAD and mechanism):
        return e.MechanismUnsupportedError(mechanism or operation, code=code)
    if operation == "decrypt" and code in BAD_CIPHERTEXT:
        return e.DecryptionFailedError(code=code)
    return e.TokenOperationError(code=code, operation=operation)
