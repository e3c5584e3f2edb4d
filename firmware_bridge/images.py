"""What the agent checks about a `.caplet` image, and when.

* BEGIN names the image's own digest (the SHA-256 the image carries after its body) and
  its Ed25519 signature (the image's last 64 bytes, empty when unsigned). A device that
  requires signatures checks the signature against that digest here, before any byte
  is sent (`signing.verify`: Ed25519 over the domain string and the digest).
* The first DATA frame carries the image header: magic, format and ISA version, board,
  architecture, byte order and word size are checked before anything is written, so an
  image for another board never touches flash (`WRONG_BOARD`).
* COMMIT (and every boot) runs the full reader, `compiler.bytecode.image.read_image`,
  with the board's profile and the device's key: body digest, signature, board, every
  section and operand. The digest it finds must be the one BEGIN announced (so the
  digest and signature bytes are covered too) and the manifest must name the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .messages import ErrorCode, ProtocolError

# ImageError messages start with the check that failed; these map to protocol codes.
_CODES = {"digest": ErrorCode.DIGEST_MISMATCH, "signature": ErrorCode.BAD_SIGNATURE,
          "board": ErrorCode.WRONG_BOARD, "size": ErrorCode.TOO_LARGE,
          "instruction set": ErrorCode.WRONG_BOARD}


def load_public_key(path: str | Path):
    """An Ed25519 public key from a PEM file or a file of 32 raw or 64 hex bytes."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    raw = Path(path).read_bytes()
    if raw.lstrip().startswith(b"-----"):
        try:
            key = serialization.load_pem_public_key(raw)
        except ValueError:
            from compiler.bytecode import signing

            return signing.load_public_key(path)  # a private key names its public key
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError(f"{path}: not an Ed25519 public key")
        return key
    text = raw.strip()
    if len(text) == 64:
        try:
            return Ed25519PublicKey.from_public_bytes(bytes.fromhex(text.decode("ascii")))
        except (UnicodeDecodeError, ValueError):
            pass
    if len(raw) == 32:
        return Ed25519PublicKey.from_public_bytes(raw)
    raise ValueError(f"{path}: expected a PEM key, 32 raw bytes or 64 hex digits")


@dataclass
class Program:
    """A verified, decoded image ready to start."""

    name: str
    image: object  # compiler.bytecode.image.Image

    @property
    def manifest(self):
        return self.image.manifest


class ImageChecker:
    """The board's and the device key's view of images (see the module doc)."""

    def __init__(self, spec, public_key=None):
        self.spec = spec
        self.public_key = public_key
        import compiler.bytecode.image  # noqa: F401 - loaded at boot, not mid-transfer

    @property
    def signed_only(self) -> bool:
        return self.public_key is not None

    def check_begin(self, digest: bytes, signature: bytes) -> None:
        """BEGIN: refuse an unsigned or wrongly signed image on a signed-only device."""
        if self.public_key is None:
            return
        if not signature:
            raise ProtocolError(ErrorCode.SIGNATURE_REQUIRED,
                                "this device only accepts signed images")
        from compiler.bytecode import signing

        if len(signature) != signing.SIGNATURE_SIZE or \
                not signing.verify(self.public_key, digest, signature):
            raise ProtocolError(ErrorCode.BAD_SIGNATURE,
                                "the signature does not verify with this device's key")

    def check_header(self, head: bytes) -> None:
        """The first bytes of an incoming image: is it a caplet image for this board?"""
        from compiler.bytecode import image as im

        try:
            head_ = im.read_header(head)
        except im.ImageError as e:
            check = str(e).split(":", 1)[0]
            code = ErrorCode.WRONG_BOARD if check == "instruction set" else \
                ErrorCode.LOAD_FAILED
            raise ProtocolError(code, f"image header: {e}") from None
        profile = self.spec.profile
        if head_.board != self.spec.board:
            raise ProtocolError(ErrorCode.WRONG_BOARD, f"the image is for {head_.board}, this "
                                f"device is {self.spec.board}")
        if profile is not None and (head_.arch, head_.endianness, head_.word_size) != \
                (profile.arch, profile.endianness, profile.word_size):
            raise ProtocolError(ErrorCode.WRONG_BOARD, f"the image targets {head_.arch}, this "
                                f"device is {profile.arch}")

    def load(self, name: str, data: bytes, digest: bytes, signature: bytes) -> Program:
        """Check an image completely and decode it; ProtocolError saying what failed."""
        from compiler.bytecode.image import ImageError, read_image

        try:
            image = read_image(data, board=self.spec.profile, public_key=self.public_key)
        except ImageError as e:
            check = str(e).split(":", 1)[0]
            code = _CODES.get(check, ErrorCode.LOAD_FAILED)
            if check == "signature" and "not signed" in str(e):
                code = ErrorCode.SIGNATURE_REQUIRED
            raise ProtocolError(code, f"{name}: {e}") from None
        if image.digest != digest:
            raise ProtocolError(ErrorCode.DIGEST_MISMATCH, f"{name}: the image's digest "
                                f"{image.digest.hex()[:16]}... is not the announced "
                                f"{digest.hex()[:16]}...")
        if (image.signature or b"") != signature:
            raise ProtocolError(ErrorCode.BAD_SIGNATURE, f"{name}: the image's signature is "
                                "not the one announced")
        if image.manifest.name != name:
            raise ProtocolError(ErrorCode.LOAD_FAILED, f"the image's manifest names the app "
                                f"{image.manifest.name!r}, not {name!r}")
        if image.rom is None and any(mod.kind != "script" for mod in image.modules):
            raise ProtocolError(ErrorCode.LOAD_FAILED, f"{name}: a module image without a "
                                "ROM snapshot cannot run (compile it with --preload)")
        return Program(name, image)
