"""The device subcommands of `caplet`: sim, flash, apps, monitor, reset, repl.

`register(subparsers)` adds them; everything heavier than argparse is imported when a
command runs, so `caplet --help` and the other commands start fast.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

PORT_HELP = "a pty path, socket://HOST:PORT, loop://, /dev/ttyUSB0, COM3, or auto"


def _err(cmd: str, text: str) -> int:
    print(f"caplet {cmd}: {text}", file=sys.stderr)
    return 1


def _print_log(msg) -> None:
    tag = msg.app or "device"
    stream = sys.stderr if msg.level == 1 else sys.stdout
    print(f"[{tag}] {msg.text}", file=stream, flush=True)


def _client(args, on_log=None):
    from .host import DeviceClient

    client = DeviceClient(args.port, baud=args.baud, on_log=on_log)
    client.connect(attempts=1)
    return client


def _guard(cmd: str, fn):
    """Run a command body, turning link and device failures into one clear line."""
    from .host import ConnectionFailed, DeviceError
    from .link import LinkError

    try:
        return fn()
    except ConnectionFailed as e:
        return _err(cmd, str(e))
    except DeviceError as e:
        return _err(cmd, f"the device refused: {e}")
    except LinkError as e:
        return _err(cmd, f"connection lost: {e}")


# -- sim -------------------------------------------------------------------------------

def cmd_sim(args) -> int:
    from .sim import run_sim

    return run_sim(board=args.board, listen=args.listen, state=args.state,
                   faults=args.faults, require_signed=args.require_signed, baud=args.baud,
                   verbose=args.verbose, policy=args.policy, scenario=args.scenario,
                   slots=args.slots)


# -- flash -----------------------------------------------------------------------------

class Progress:
    """A one-line progress bar with throughput (redrawn in place on a terminal)."""

    def __init__(self, name: str, stream=sys.stderr):
        self.name = name
        self.stream = stream
        self.tty = stream.isatty()
        self.t0 = time.monotonic()
        self.base = 0
        self.last = 0.0

    def __call__(self, done: int, total: int, resumed_from: int) -> None:
        now = time.monotonic()
        if resumed_from and resumed_from != self.base:
            self.base, self.t0 = resumed_from, now
            print(f"resuming {self.name} at {resumed_from} of {total} bytes",
                  file=self.stream, flush=True)
        if not self.tty or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        rate = (done - self.base) / max(now - self.t0, 1e-6)
        width = 30
        fill = width * done // max(total, 1)
        self.stream.write(f"\r{self.name} [{'#' * fill}{'.' * (width - fill)}] "
                          f"{100 * done // max(total, 1):3d}% {done / 1024:.1f}/"
                          f"{total / 1024:.1f} KiB {rate / 1024:.1f} KiB/s")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def read_image_file(path: Path):
    """The bytes and the checked image of a `.caplet` file (CommandFailed if unusable)."""
    from compiler.bytecode.image import ImageError, read_image

    try:
        data = path.read_bytes()
    except OSError as e:
        raise CommandFailed(f"cannot read {path}: {e.strerror}") from None
    try:
        return data, read_image(data)
    except ImageError as e:
        raise CommandFailed(f"{path}: not a usable caplet image: {e}") from None


class CommandFailed(Exception):
    """A user-facing failure of a device command, printed as one line."""


def check_fit(path: Path, data: bytes, image, hello) -> None:
    """Refuse, before sending a byte, an image the device will not take."""
    if image.board != hello.board:
        raise CommandFailed(f"{path} is compiled for {image.board}; the device is "
                            f"{hello.board} (recompile with --board {hello.board})")
    if image.isa_version != hello.isa:
        raise CommandFailed(f"{path} is for ISA {image.isa_version}; the device runs ISA "
                            f"{hello.isa}")
    biggest = max((s.size for s in hello.slots), default=0)
    if len(data) > biggest:
        raise CommandFailed(f"{path} is {len(data)} bytes; the largest slot of this "
                            f"{hello.board} holds {biggest}")
    if hello.signed_only and not image.signed:
        raise CommandFailed("this device only accepts signed images (compile with "
                            "`caplet compile --sign KEY`)")
    from boards import BoardError, board_names, load_board
    from compiler.bytecode.image import ImageError, read_image

    if hello.board in board_names():
        try:
            read_image(data, board=load_board(hello.board))
        except (ImageError, BoardError) as e:
            raise CommandFailed(f"{path}: {e}") from None


def cmd_flash(args) -> int:
    path = Path(args.image)
    try:
        data, image = read_image_file(path)
    except CommandFailed as e:
        return _err("flash", str(e))
    name = image.manifest.name
    signature = image.signature or b""
    seen: list = []

    def on_log(msg) -> None:
        seen.append(msg)
        _print_log(msg)

    def body() -> int:
        client = _client(args, on_log=on_log)
        with client:
            hello = client.hello
            print(f"caplet flash: {hello.board} (firmware {hello.firmware}, ISA {hello.isa}) "
                  f"on {client.url}", flush=True)
            try:
                check_fit(path, data, image, hello)
            except CommandFailed as e:
                return _err("flash", str(e))
            if args.fast and hello.baud_rates and max(hello.baud_rates) > hello.baud:
                client.set_baud(max(hello.baud_rates))
            t0 = time.monotonic()
            before = len(seen)
            text = client.flash(name, data, signature, digest=image.digest,
                                progress=Progress(name))
            dt = time.monotonic() - t0
            line = client.baud / 10
            print(f"flashed {name}: {len(data)} bytes in {dt:.2f} s "
                  f"({len(data) / dt / 1024:.1f} KiB/s, {100 * len(data) / dt / line:.0f}% "
                  f"of the {client.baud}-baud line); {text}", flush=True)
            deadline = time.monotonic() + args.log_wait
            while time.monotonic() < deadline:
                own = [x for x in seen[before:] if x.app == name]
                if len(own) >= args.log_lines:
                    break
                client.poll(0.05)
            return 0

    return _guard("flash", body)


# -- apps, monitor, reset, repl --------------------------------------------------------------

def cmd_apps(args) -> int:
    def body() -> int:
        with _client(args, on_log=lambda msg: None) as client:  # a listing, not a console
            for action, value in (("remove", args.remove), ("run", args.start),
                                  ("stop", args.stop)):
                if value:
                    print(getattr(client, action)(value))
                    return 0
            apps = client.apps()
            if not apps:
                print("no apps installed")
            for a in apps:
                extra = ", fallback kept" if a.fallback else ""
                extra += ", signed" if a.signed else ""
                extra += f" ({a.reason})" if a.reason else ""
                print(f"{a.name:<20} slot {a.slot}  {a.size:>7} bytes  {a.state:<8} "
                      f"sha256 {a.sha256.hex()[:12]}{extra}")
            return 0

    return _guard("apps", body)


def cmd_monitor(args) -> int:
    def body() -> int:
        shown = 0

        def on_log(msg) -> None:
            nonlocal shown
            if args.lines and shown >= args.lines:
                return
            if args.app is None or msg.app == args.app:
                _print_log(msg)
                shown += 1

        with _client(args, on_log=on_log) as client:
            deadline = time.monotonic() + args.seconds if args.seconds else None
            while deadline is None or time.monotonic() < deadline:
                client.poll(0.1)
                if args.lines and shown >= args.lines:
                    break
        return 0

    try:
        return _guard("monitor", body)
    except KeyboardInterrupt:
        return 0


def cmd_reset(args) -> int:
    def body() -> int:
        with _client(args, on_log=_print_log) as client:
            print(client.reset())
            end = time.monotonic() + args.log_wait
            while time.monotonic() < end:
                client.poll(0.05)
        return 0

    return _guard("reset", body)


def _lines(prompt: str | list[str]):
    """Non-blank input lines; a one-item list as prompt lets the caller change it."""
    try:
        import readline  # noqa: F401 - line editing and history for input()
    except ImportError:
        pass
    interactive = sys.stdin.isatty()
    while True:
        try:
            shown = prompt[0] if isinstance(prompt, list) else prompt
            line = input(shown if interactive else "")
        except EOFError:
            return
        if line.strip():
            yield line


def cmd_repl(args) -> int:
    if args.port is None:
        return desktop_repl()
    if not args.app:
        return _err("repl", "--app NAME is needed with --port")

    def own_log(msg) -> None:
        if msg.app in (args.app, ""):
            _print_log(msg)

    def body() -> int:
        with _client(args, on_log=own_log) as client:
            for line in _lines(f"{args.app}> "):
                result = client.eval(args.app, line)
                print(result.text if result.ok else f"{result.text}", flush=True)
        return 0

    return _guard("repl", body)


def desktop_repl() -> int:
    """The REPL on the desktop VM: each line runs in one Global; results as inspect prints."""
    from compiler import JSSyntaxError
    from vm import Machine, UncaughtError
    from vm.inspect import inspect

    machine = Machine(output=lambda line: print(line, flush=True))
    prompt = ["> "]
    pending = ""
    for line in _lines(prompt):
        source = pending + line
        try:
            result = machine.run_script(source, filename="<repl>")
        except JSSyntaxError as e:
            if e.message == "Unexpected end of input":  # as node does: read on
                pending, prompt[0] = source + "\n", "... "
                continue
            print(f"SyntaxError: {e.message}", flush=True)
        except UncaughtError as e:
            print(str(e), flush=True)
        else:
            print(inspect(result, machine.realm), flush=True)
        pending, prompt[0] = "", "> "
    if pending:
        print("SyntaxError: Unexpected end of input", flush=True)
    return 0


# -- registration ------------------------------------------------------------------------------

def register(sub) -> None:
    """Add the device subcommands to `caplet`'s subparsers."""
    s = sub.add_parser("sim", help="simulate a board on a pseudo-terminal or a TCP socket")
    s.add_argument("--board", default="pico", help="a board of `caplet boards`, or an alias "
                   "(pico, esp32, microbit, ...)")
    where = s.add_mutually_exclusive_group()
    where.add_argument("--pty", action="store_true", help="serve on a new pseudo-terminal "
                       "(the default); its path is printed")
    where.add_argument("--listen", metavar="HOST:PORT", help="serve on a TCP socket "
                       "(port 0 picks a free one)")
    s.add_argument("--state", metavar="DIR", help="keep the flash here across restarts")
    s.add_argument("--faults", default="", metavar="SPEC",
                   help="line noise, e.g. drop=0.01,corrupt=0.01,dup=0.01,noise=0.01,seed=7")
    s.add_argument("--require-signed", metavar="PUBKEY",
                   help="accept only images signed by this Ed25519 public key")
    s.add_argument("--baud", type=int, help="start at this rate instead of the board's")
    s.add_argument("--verbose", action="store_true", help="echo the device console")
    s.add_argument("--policy", metavar="FILE", help="the device policy (TOML or JSON; "
                   "default: policy.toml in --state, else Timer only)")
    s.add_argument("--scenario", metavar="FILE", help="scripted peripherals: digital "
                   "input events, I2C devices, serial input (TOML or JSON)")
    s.add_argument("--slots", type=int, metavar="N", help="cut the board's app region into "
                   "N equal slots (room for more apps side by side)")
    s.set_defaults(run=cmd_sim)

    def port_args(p, baud=True):
        p.add_argument("--port", required=True, help=PORT_HELP)
        if baud:
            p.add_argument("--baud", type=int, default=115200,
                           help="the device's current rate (default 115200)")

    f = sub.add_parser("flash", help="install an app image on a device")
    f.add_argument("image")
    port_args(f)
    f.add_argument("--fast", action="store_true",
                   help="switch to the device's fastest baud rate for the transfer")
    f.add_argument("--log-lines", type=int, default=3,
                   help="wait for this many of the app's first log lines (default 3)")
    f.add_argument("--log-wait", type=float, default=1.0,
                   help="seconds to wait for them (default 1)")
    f.set_defaults(run=cmd_flash)

    a = sub.add_parser("apps", help="list, remove, run or stop the apps on a device")
    port_args(a)
    group = a.add_mutually_exclusive_group()
    group.add_argument("--remove", metavar="NAME")
    group.add_argument("--run", metavar="NAME", dest="start")
    group.add_argument("--stop", metavar="NAME")
    a.set_defaults(run=cmd_apps)

    mo = sub.add_parser("monitor", help="show the device console (Ctrl-C to leave)")
    port_args(mo)
    mo.add_argument("--app", help="only this app's lines")
    mo.add_argument("--lines", type=int, default=0, help="leave after this many lines")
    mo.add_argument("--seconds", type=float, default=0.0, help="leave after this long")
    mo.set_defaults(run=cmd_monitor)

    r = sub.add_parser("reset", help="restart a device's apps (verify, fall back, start)")
    port_args(r)
    r.add_argument("--log-wait", type=float, default=0.5)
    r.set_defaults(run=cmd_reset)

    rp = sub.add_parser("repl", help="a REPL: on the desktop VM, or in an app on a device")
    rp.add_argument("--port", help=PORT_HELP)
    rp.add_argument("--baud", type=int, default=115200)
    rp.add_argument("--app", help="the app whose Global runs the lines (with --port)")
    rp.set_defaults(run=cmd_repl)


