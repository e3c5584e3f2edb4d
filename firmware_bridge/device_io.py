"""Device I/O for apps in the shapes of ECMA-419 (TC53): `Digital`, `I2C`, `Serial`, timers.

Each class follows the IO class pattern: `new Digital({pin, mode, edge, onReadable})`,
`read()`, `write()`, `close()`, callbacks invoked with the instance as `this`, an Error
when a resource is in use, constants on the constructor (`Digital.Input`, ...). Every
app gets its own constructors, closed over the app and its grants (so a pin the
policy did not grant is refused at construction), hardened before the app runs.
Departure from ECMA-419 until the VM has ArrayBuffer: `I2C` and `Serial` in "buffer"
format read and write Arrays of byte numbers; `Serial` defaults to "number".

Callbacks do not run inside the call that caused them: they are scheduled on the
device's event queue (`AppRuntime.schedule`) and run as activations of their app, with
its instruction budget and fail-stop.
"""

from __future__ import annotations

from vm.convert import is_callable, to_number
from vm.harden import harden
from vm.objects import CONFIGURABLE, WRITABLE, JSError, JSObject
from vm.operations import create_array_from_list, create_list_from_array_like
from vm.values import UNDEFINED

DIGITAL_MODES = {"Input": 0, "InputPullUp": 1, "InputPullDown": 2, "InputPullUpDown": 3,
                 "Output": 8, "OutputOpenDrain": 9}
RISING, FALLING = 1, 2


def _option(options: JSObject, key: str, default=UNDEFINED):
    value = options.get(key)
    return default if value is UNDEFINED else value


def _integer(value, what: str, low: int, high: int) -> int:
    if type(value) is not float or value != int(value) or not low <= value <= high:
        raise JSError("RangeError", f"invalid {what}")
    return int(value)


def _bytes(value, what: str) -> bytes:
    if not isinstance(value, JSObject):
        raise JSError("TypeError", f"{what} must be an array of bytes")
    items = create_list_from_array_like(value)
    out = bytearray()
    for item in items:
        number = to_number(item)
        if number != number or number != int(number) or not 0 <= number <= 255:
            raise JSError("RangeError", f"{what} must hold integers from 0 to 255")
        out.append(int(number))
    return bytes(out)


class IOState:
    """What an instance holds; `closed` makes every later call an Error."""

    kind = "IO"

    def __init__(self, app):
        self.app = app
        self.obj: JSObject | None = None
        self.closed = False


class DeviceIO:
    """Builds one app's I/O globals from its grants (see ``install``)."""

    def __init__(self, runtime, app):
        self.rt = runtime
        self.app = app
        self.realm = runtime.machine.realm
        self.hw = runtime.hardware
        self.spec = runtime.spec

    # -- the IO class pattern -----------------------------------------------------------

    def io_class(self, name: str, open_, methods: dict, constants: dict | None = None):
        realm = self.realm
        proto = JSObject(realm.object_prototype)

        def call(this, args):
            raise JSError("TypeError", f"Class constructor {name} cannot be invoked without "
                                       "'new'")

        def construct(args, new_target):
            options = args[0] if args else UNDEFINED
            if not isinstance(options, JSObject):
                raise JSError("TypeError", f"{name} options must be an object")
            state = open_(options)
            target = new_target.get("prototype") if isinstance(new_target, JSObject) else None
            obj = JSObject(target if isinstance(target, JSObject) else proto, "Object")
            obj.internal = state
            state.obj = obj
            if options.has_property("target"):
                obj.define("target", options.get("target"), WRITABLE | CONFIGURABLE)
            self.app.io.append(state)
            return obj

        def method(fn, mname):
            def run(this, args):
                state = this.internal if isinstance(this, JSObject) else None
                if not isinstance(state, IOState) or state.kind != name:
                    raise JSError("TypeError", f"{name}.prototype.{mname} called on an object "
                                               f"that is not a {name}")
                if state.closed:
                    raise JSError("Error", f"{name} is closed")
                return fn(state, args)
            return run

        ctor = realm.native(name, call, 1, construct)
        ctor.define("prototype", proto, 0)
        proto.define("constructor", ctor, WRITABLE | CONFIGURABLE)
        for mname, (fn, length) in methods.items():
            realm.method(proto, mname, method(fn, mname), length)
        for key, value in (constants or {}).items():
            ctor.define(key, float(value), 0)
        return harden(ctor)

    def callback(self, state: IOState, options: JSObject, key: str):
        fn = _option(options, key)
        if fn is not UNDEFINED and not is_callable(fn):
            raise JSError("TypeError", f"{key} must be a function")
        return None if fn is UNDEFINED else fn

    def denied(self, what: str) -> JSError:
        return JSError("Error", f"{what} is not granted to app {self.app.name} by the "
                                "device policy")

    def claim(self, kind: str, number: int, label: str) -> None:
        holder = self.hw.claim(kind, number, self.app.name)
        if holder is not None:
            raise JSError("Error", f"{label} is in use" + ("" if holder == self.app.name
                                                            else f" by app {holder}"))

    def close(self, state, kind: str, number: int) -> None:
        state.closed = True
        self.hw.release(kind, number)

    # -- Digital ------------------------------------------------------------------------

    def digital(self, grant):
        hw = self.hw

        def open_(options):
            pin = _integer(_option(options, "pin"), "pin", 0, 1 << 16)
            functions = self.spec.pin_functions(pin)
            if functions is None:
                raise JSError("RangeError", f"invalid pin {pin}: {self.spec.board} has no "
                                            f"GPIO {pin}")
            mode = _option(options, "mode")
            if mode not in [float(v) for v in DIGITAL_MODES.values()]:
                raise JSError("RangeError", "invalid mode")
            output = mode >= 8
            if output and "digital" not in functions:
                raise JSError("RangeError", f"GPIO {pin} of {self.spec.board} is input-only")
            if not grant.permits(pin):
                raise self.denied(f"pin {pin}")
            state = IOState(self.app)
            state.kind, state.pin, state.output = "Digital", pin, output
            state.on_readable = None if output else self.callback(state, options,
                                                                  "onReadable")
            edge = _option(options, "edge", 0.0)
            state.edge = _integer(edge, "edge", 0, 3)
            if state.on_readable is not None and not state.edge:
                raise JSError("RangeError", "onReadable needs an edge (Digital.Rising, "
                                            "Digital.Falling or both)")
            self.claim("pin", pin, f"pin {pin}")
            if output:
                hw.levels[pin] = 0
            else:
                hw.levels.setdefault(pin, 1 if mode in (1.0,) else 0)
                for at_ms, value in hw.scenario.digital.get(pin, ()):
                    self.rt.schedule(self.app, at_ms / 1000,
                                     lambda v=value: change(state, v))
            return state

        def change(state, value: int) -> None:
            if state.closed:
                return
            old = hw.levels.get(state.pin, 0)
            hw.levels[state.pin] = value
            edge = RISING if (old, value) == (0, 1) else FALLING if (old, value) == (1, 0) else 0
            if edge & state.edge and state.on_readable is not None:
                self.rt.call(state.on_readable, state.obj, [])

        def read(state, args):
            return float(hw.levels.get(state.pin, 0))

        def write(state, args):
            if not state.output:
                raise JSError("Error", "write: the pin is an input")
            value = to_number(args[0]) if args else float("nan")
            if value not in (0.0, 1.0):
                raise JSError("RangeError", "write: the value must be 0 or 1")
            hw.levels[state.pin] = int(value)
            hw.digital_writes.append((self.app.name, state.pin, int(value)))
            return UNDEFINED

        def close(state, args):
            self.close(state, "pin", state.pin)
            return UNDEFINED

        return self.io_class("Digital", open_, {"read": (read, 0), "write": (write, 1),
                                                "close": (close, 0)},
                             {**DIGITAL_MODES, "Rising": RISING, "Falling": FALLING})

    # -- I2C ----------------------------------------------------------------------------

    def i2c(self, grant):
        buses = self._count("i2c")

        def open_(options):
            address = _integer(_option(options, "address"), "address", 0, 0x7F)
            port = _integer(_option(options, "port", 0.0), "port", 0, 15)
            if port >= buses:
                raise JSError("RangeError", f"invalid port: {self.spec.board} has {buses} "
                                            "I2C buses")
            hz = _option(options, "hz", 100000.0)
            _integer(hz, "hz", 1, 5_000_000)
            if not grant.permits(address):
                raise self.denied(f"I2C address {address:#04x}")
            self.claim("i2c", port * 128 + address, f"I2C address {address:#04x}")
            state = IOState(self.app)
            state.kind, state.address, state.port = "I2C", address, port
            return state

        def device(state):
            dev = self.hw.i2c_device(state.port, state.address)
            if dev is None:
                raise JSError("Error", f"no I2C device acknowledged address "
                                       f"{state.address:#04x}")
            return dev

        def read(state, args):
            count = _integer(args[0] if args else UNDEFINED, "byteLength", 1, 4096)
            data = device(state).read(count)
            return create_array_from_list(self.realm, [float(b) for b in data])

        def write(state, args):
            data = _bytes(args[0] if args else UNDEFINED, "write: the data")
            device(state).write(data)
            return UNDEFINED

        def close(state, args):
            self.close(state, "i2c", state.port * 128 + state.address)
            return UNDEFINED

        return self.io_class("I2C", open_, {"read": (read, 1), "write": (write, 1),
                                            "close": (close, 0)})

    # -- Serial -------------------------------------------------------------------------

    def serial(self, grant):
        ports = self._count("uart")

        def open_(options):
            port = _integer(_option(options, "port", 0.0), "port", 0, 15)
            if port >= ports:
                raise JSError("RangeError", f"invalid port: {self.spec.board} has {ports} "
                                            "UARTs")
            _integer(_option(options, "baud", 115200.0), "baud", 300, 20_000_000)
            fmt = _option(options, "format", "number")
            if fmt not in ("number", "buffer"):
                raise JSError("RangeError", "invalid format")
            if not grant.permits(port):
                raise self.denied(f"serial port {port}")
            state = IOState(self.app)
            state.kind, state.port, state.format, state.rx = "Serial", port, fmt, bytearray()
            state.on_readable = self.callback(state, options, "onReadable")
            self.claim("uart", port, f"serial port {port}")
            for at_ms, data in self.hw.scenario.serial.get(port, ()):
                self.rt.schedule(self.app, at_ms / 1000, lambda d=data: arrive(state, d))
            return state

        def arrive(state, data: bytes) -> None:
            if state.closed:
                return
            state.rx += data
            if state.on_readable is not None:
                self.rt.call(state.on_readable, state.obj, [float(len(state.rx))])

        def read(state, args):
            if state.format == "number":
                if not state.rx:
                    return UNDEFINED
                byte = state.rx[0]
                del state.rx[:1]
                return float(byte)
            count = len(state.rx)
            if args and args[0] is not UNDEFINED:
                count = min(count, _integer(args[0], "byteLength", 0, 1 << 20))
            data, state.rx[:count] = bytes(state.rx[:count]), b""
            return create_array_from_list(self.realm, [float(b) for b in data])

        def write(state, args):
            value = args[0] if args else UNDEFINED
            if state.format == "number":
                data = bytes([_integer(value, "byte", 0, 255)])
            else:
                data = _bytes(value, "write: the data")
            self.hw.serial_out.setdefault(state.port, bytearray()).extend(data)
            return UNDEFINED

        def close(state, args):
            self.close(state, "uart", state.port)
            return UNDEFINED

        return self.io_class("Serial", open_, {"read": (read, 0), "write": (write, 1),
                                               "close": (close, 0)})

    def _count(self, kind: str) -> int:
        profile = self.spec.profile
        return dict(profile.peripherals).get(kind, 0) if profile is not None else 1

    # -- timers -------------------------------------------------------------------------

    def timers(self, obj: JSObject) -> None:
        realm, rt, app = self.realm, self.rt, self.app

        def start(callback, ms, args, repeat: bool):
            if not is_callable(callback):
                raise JSError("TypeError", "The \"callback\" argument must be a function")
            delay = to_number(ms) if ms is not UNDEFINED else 0.0
            delay = 0.0 if not delay >= 0 else min(delay, 2**31 - 1)
            if repeat:
                delay = max(delay, 1.0)
            return float(rt.schedule(app, delay / 1000, lambda: rt.call(callback, UNDEFINED,
                                                                         list(args)),
                                     delay / 1000 if repeat else None))

        def clear(this, args):
            if args and type(args[0]) is float:
                rt.cancel(app, int(args[0]))
            return UNDEFINED

        def arg(args, i):
            return args[i] if len(args) > i else UNDEFINED

        realm.method(obj, "setTimeout", lambda this, a: start(arg(a, 0), arg(a, 1), a[2:],
                                                              False), 2)
        realm.method(obj, "setInterval", lambda this, a: start(arg(a, 0), arg(a, 1), a[2:],
                                                               True), 2)
        realm.method(obj, "clearTimeout", clear, 1)
        realm.method(obj, "clearInterval", clear, 1)
        timer = JSObject(realm.object_prototype)
        realm.method(timer, "set", lambda this, a: start(arg(a, 0), arg(a, 1), [], False), 2)
        realm.method(timer, "repeat", lambda this, a: start(arg(a, 0), arg(a, 1), [], True),
                     2)
        realm.method(timer, "clear", clear, 1)
        obj.define("Timer", harden(timer), WRITABLE | CONFIGURABLE)


def install(runtime, app, grants: dict) -> list[str]:
    """Define the granted capabilities on the app's global object; their names."""
    io = DeviceIO(runtime, app)
    obj = app.global_env.global_object
    if "Timer" in grants:
        io.timers(obj)
    makers = {"Digital": io.digital, "I2C": io.i2c, "Serial": io.serial}
    for name, make in makers.items():
        if name in grants:
            obj.define(name, make(grants[name]), WRITABLE | CONFIGURABLE)
    return sorted(grants)
