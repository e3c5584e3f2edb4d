"""Ed25519 keys and signatures for images, through the `cryptography` package.

Imported only when an image is signed or a signature is checked, so running an unsigned
image never loads the crypto library. Keys are PEM files: PKCS#8 for the private key,
SubjectPublicKeyInfo for the public key (the forms `openssl pkey` reads and writes).
"""

from __future__ import annotations

from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SIGNATURE_SIZE = 64
DOMAIN = b"caplet image signature v1\x00"  # what is signed: DOMAIN + the image's SHA-256


class SigningKeyError(ValueError):
    """A key file that is missing, unreadable or not an Ed25519 key."""


def generate() -> tuple[bytes, bytes]:
    """A new key pair as ``(private PEM, public PEM)``."""
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                           serialization.PublicFormat.SubjectPublicKeyInfo)
    return private, public


def _read(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise SigningKeyError(f"cannot read key file {path}: {e.strerror}") from None


def load_private_key(path: str | Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(_read(path), password=None)
    except (ValueError, TypeError) as e:
        raise SigningKeyError(f"{path} is not an unencrypted PEM private key ({e})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path} is not an Ed25519 private key")
    return key


def load_public_key(path: str | Path) -> Ed25519PublicKey:
    data = _read(path)
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        try:  # a private key file also names its public key
            return load_private_key(path).public_key()
        except SigningKeyError:
            raise SigningKeyError(f"{path} is not a PEM Ed25519 public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyError(f"{path} is not an Ed25519 public key")
    return key


def sign(key: Ed25519PrivateKey, digest: bytes) -> bytes:
    return key.sign(DOMAIN + digest)


def verify(key: Ed25519PublicKey, digest: bytes, signature: bytes) -> bool:
    try:
        key.verify(signature, DOMAIN + digest)
    except InvalidSignature:
        return False
    return True


def public_key_of(key: Ed25519PrivateKey) -> Ed25519PublicKey:
    return key.public_key()
