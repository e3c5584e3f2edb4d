"""The two decisions the agent delegates: is this image valid, and how is it started.

An image is opaque bytes with a SHA-256 digest and an optional Ed25519 signature over
that digest. `DigestVerifier` checks both; `JsSourceRunner` loads an image whose bytes
are UTF-8 JavaScript source. Once `.caplet` images exist, a runner that reads them
takes its place behind the same `AppRunner` protocol.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Protocol

from .messages import ErrorCode, ProtocolError


class ImageVerifier(Protocol):
    signed_only: bool

    def check_signature(self, sha256: bytes, signature: bytes) -> None:
        """Raise ProtocolError unless the signature (possibly empty) is acceptable."""

    def verify(self, data: bytes, sha256: bytes, signature: bytes) -> None:
        """Raise ProtocolError unless `data` is the image the digest and signature name."""


class Program(Protocol):
    def start(self, machine, global_) -> None:
        """Run the app's top level in `global_` of `machine`."""


class AppRunner(Protocol):
    def load(self, name: str, data: bytes) -> Program:
        """Decode a verified image; ProtocolError(LOAD_FAILED) if it cannot be run."""


def load_public_key(path: str | Path):
    """An Ed25519 public key from a PEM file or a file of 32 raw or 64 hex bytes."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    raw = Path(path).read_bytes()
    if raw.lstrip().startswith(b"-----"):
        key = serialization.load_pem_public_key(raw)
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError(f"{path}: not an Ed25519 public key")
        return key
    return Ed25519PublicKey.from_public_bytes(_raw_key(raw, path))


def load_private_key(path: str | Path):
    """An Ed25519 private key from a PEM file or a file of 32 raw or 64 hex bytes."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    raw = Path(path).read_bytes()
    if raw.lstrip().startswith(b"-----"):
        key = serialization.load_pem_private_key(raw, password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path}: not an Ed25519 private key")
        return key
    return Ed25519PrivateKey.from_private_bytes(_raw_key(raw, path))


def _raw_key(raw: bytes, path) -> bytes:
    text = raw.strip()
    if len(text) == 64:
        try:
            return bytes.fromhex(text.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            pass
    if len(raw) == 32:
        return raw
    raise ValueError(f"{path}: expected a PEM key, 32 raw bytes or 64 hex digits")


def sign_digest(private_key, sha256: bytes) -> bytes:
    return private_key.sign(sha256)


class DigestVerifier:
    """SHA-256 always; an Ed25519 signature over the digest when a key is configured."""

    def __init__(self, public_key=None):
        self.public_key = public_key

    @property
    def signed_only(self) -> bool:
        return self.public_key is not None

    def check_signature(self, sha256: bytes, signature: bytes) -> None:
        if self.public_key is None:
            return
        if not signature:
            raise ProtocolError(ErrorCode.SIGNATURE_REQUIRED,
                                "this device only accepts signed images")
        from cryptography.exceptions import InvalidSignature

        try:
            self.public_key.verify(signature, sha256)
        except InvalidSignature:
            raise ProtocolError(ErrorCode.BAD_SIGNATURE,
                                "the signature does not match the image digest") from None

    def verify(self, data: bytes, sha256: bytes, signature: bytes) -> None:
        actual = hashlib.sha256(data).digest()
        if actual != sha256:
            raise ProtocolError(ErrorCode.DIGEST_MISMATCH,
                                f"image digest {actual.hex()[:16]}... is not the announced "
                                f"{sha256.hex()[:16]}...")
        self.check_signature(sha256, signature)


class JsSource:
    """A program whose image is its JavaScript source text (until .caplet images)."""

    def __init__(self, name: str, text: str):
        self.name = name
        self.text = text

    def start(self, machine, global_) -> None:
        machine.run_script(self.text, filename=f"{self.name}.js", g=global_)


class JsSourceRunner:
    """Loads images that are UTF-8 JavaScript: a syntax error is a load failure."""

    def load(self, name: str, data: bytes) -> Program:
        from compiler import JSSyntaxError, parse

        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ProtocolError(ErrorCode.LOAD_FAILED,
                                f"{name}: the image is not UTF-8 JavaScript source") from None
        try:
            parse(text, module=False, filename=f"{name}.js")
        except JSSyntaxError as err:
            raise ProtocolError(ErrorCode.LOAD_FAILED,
                                f"{name}.js:{err.line}:{err.column + 1}: SyntaxError: "
                                f"{err.message}") from None
        return JsSource(name, text)
