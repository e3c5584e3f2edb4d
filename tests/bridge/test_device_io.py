"""Apps using the ECMA-419 I/O classes against scripted simulated hardware, under a
device policy: the agent driven in-process with real images."""

from __future__ import annotations

import time

import pytest
from bridge_images import build_image, call, install, lines

from firmware_bridge import messages as m
from firmware_bridge.agent import Agent
from firmware_bridge.flash import Flash
from firmware_bridge.peripherals import Hardware, Scenario, ScenarioError
from firmware_bridge.policy import Policy, PolicyError
from firmware_bridge.spec import spec_for

PICO = spec_for("pico")
POLICY = """
[defaults]
Timer = true

[apps.thermo]
Digital = { pins = [2, 3] }
I2C = { addresses = [0x48] }
Timer = true

[apps.echo]
Serial = { ports = [1] }
Digital = { pins = [25] }
"""
SCENARIO = {
    "digital": [{"pin": 2, "at_ms": 30, "value": 1}, {"pin": 2, "at_ms": 60, "value": 0}],
    "i2c": [{"address": 0x48, "registers": {"0": [0x19, 0x80]}}],
    "serial": [{"port": 1, "at_ms": 20, "data": "ping"}],
}


@pytest.fixture
def device(tmp_path):
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text(POLICY)
    hardware = Hardware(PICO, Scenario.parse(SCENARIO))
    agent = Agent(PICO, Flash.for_spec(PICO), policy=Policy.load(policy_file, PICO),
                  hardware=hardware)
    agent.boot()
    return agent


def run_until(agent, done, seconds: float = 3.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end and not done():
        agent.runtime.run_due()
        time.sleep(0.002)


THERMO = """
const sensor = new I2C({address: 0x48, hz: 400000});
sensor.write([0]);
const raw = sensor.read(2);
console.log("temperature " + ((raw[0] << 4 | raw[1] >> 4) * 0.0625));
let presses = 0;
const button = new Digital({pin: 2, mode: Digital.InputPullDown, edge: Digital.Rising,
  onReadable() { presses++; console.log("pressed " + this.read() + " " + presses); }});
console.log("button " + button.read());
try { new Digital({pin: 5, mode: Digital.Output}); } catch (e) { console.log(e.message); }
try { new Digital({pin: 40, mode: Digital.Output}); } catch (e) { console.log(e.name); }
try { new I2C({address: 0x50}); } catch (e) { console.log(e.message); }
try { new Digital({pin: 2, mode: Digital.Input}); } catch (e) { console.log(e.message); }
console.log(typeof Serial);
"""


def test_an_app_reads_an_i2c_sensor_and_a_scripted_button(device):
    image = build_image(THERMO, "thermo", caps=["Digital", "I2C", "Serial", "Timer"])
    assert isinstance(install(device, image), m.Ok)
    run_until(device, lambda: any("pressed" in x for x in lines(device, "thermo")))
    assert lines(device, "thermo") == [
        "thermo: capability Serial is not granted by the device policy",
        "temperature 25.5",
        "button 0",
        "pin 5 is not granted to app thermo by the device policy",
        "RangeError",
        "I2C address 0x50 is not granted to app thermo by the device policy",
        "pin 2 is in use",
        "undefined",
        "pressed 1 1",
    ]
    run_until(device, lambda: False, 0.1)  # the falling edge at 60 ms draws no callback
    assert lines(device, "thermo")[-1] == "pressed 1 1"
    sensor = device.runtime.hardware.i2c_device(0, 0x48)
    assert sensor.writes == [b"\x00"]


def test_serial_input_and_digital_output(device):
    echo = """
    const led = new Digital({pin: 25, mode: Digital.Output});
    const port = new Serial({port: 1, baud: 9600, onReadable(count) {
      let text = "";
      for (let b = this.read(); b !== undefined; b = this.read()) text += String.fromCharCode(b);
      console.log(count + " bytes: " + text);
      led.write(1);
      this.write(33);
    }});
    try { led.write(2); } catch (e) { console.log(e.name + ": " + e.message); }
    """
    assert isinstance(install(device, build_image(echo, "echo", caps=["Digital", "Serial"])),
                      m.Ok)
    run_until(device, lambda: len(lines(device, "echo")) >= 2)
    assert lines(device, "echo") == ["RangeError: write: the value must be 0 or 1",
                                     "4 bytes: ping"]
    hw = device.runtime.hardware
    assert hw.digital_writes == [("echo", 25, 1)] and hw.serial_out[1] == b"!"


def test_io_objects_refuse_misuse_without_leaking_python_errors(device):
    probe = """
    const out = [];
    function attempt(f) { try { f(); out.push("no error"); }
                          catch (e) { out.push(e.constructor.name); } }
    attempt(() => Digital({pin: 2, mode: Digital.Input}));
    attempt(() => new Digital());
    attempt(() => new Digital({pin: 2}));
    attempt(() => new Digital({pin: "2", mode: 0}));
    attempt(() => Digital.prototype.read.call({}));
    attempt(() => new Digital({pin: 2, mode: 0, onReadable: 5, edge: 1}));
    attempt(() => new Digital({pin: 2, mode: 0, onReadable() {}}));
    const d = new Digital({pin: 3, mode: Digital.Output});
    d.close();
    attempt(() => d.write(1));
    attempt(() => new I2C({address: 0x48}).write([1, 300]));
    attempt(() => new I2C({address: 0x48, port: 7}));
    attempt(() => { Digital.Input = 5; if (Digital.Input !== 0) throw new Error(); });
    attempt(() => { "use strict"; Digital.prototype.read = null; });
    console.log(out.join(","));
    """
    image = build_image(probe, "thermo", caps=["Digital", "I2C"])
    assert isinstance(install(device, image), m.Ok)
    assert lines(device, "thermo") == [
        "TypeError,TypeError,RangeError,RangeError,TypeError,TypeError,RangeError,Error,"
        "RangeError,RangeError,no error,TypeError"]


def test_a_callback_that_throws_stops_its_app_and_frees_its_pins(device):
    bad = """
    new Digital({pin: 2, mode: Digital.Input, edge: Digital.Rising,
                 onReadable() { throw new Error("handler broke"); }});
    """
    assert isinstance(install(device, build_image(bad, "thermo", caps=["Digital"])), m.Ok)
    run_until(device, lambda: device.runtime.state("thermo") == "failed")
    assert lines(device, "thermo")[-2:] == ["Uncaught Error: handler broke",
                                            "thermo stopped: Uncaught Error: handler broke"]
    assert device.runtime.hardware.owners == {}


def test_policy_and_scenario_files_are_checked():
    with pytest.raises(PolicyError, match=r"apps.x.Digital.pins: 99 is not a digital pin"):
        Policy({"apps": {"x": {"Digital": {"pins": [99]}}}}, PICO)
    with pytest.raises(PolicyError, match="unknown capability"):
        Policy({"defaults": {"Network": True}}, PICO)
    with pytest.raises(PolicyError, match="not a 7-bit I2C address"):
        Policy({"defaults": {"I2C": {"addresses": [200]}}}, PICO)
    with pytest.raises(PolicyError, match="has no UART 5"):
        Policy({"defaults": {"Serial": {"ports": [5]}}}, PICO)
    with pytest.raises(PolicyError, match="must be true, false or"):
        Policy({"defaults": {"Digital": "all"}}, PICO)
    with pytest.raises(ScenarioError, match=r"digital\[0\].value"):
        Scenario.parse({"digital": [{"pin": 2, "value": 7}]})
    with pytest.raises(ScenarioError, match="unknown section"):
        Scenario.parse({"adc": []})
    grants = Policy({"defaults": {"Timer": True}, "apps": {"a": {"Timer": False}}},
                    PICO).grants_for("a")
    assert grants == {}


def test_the_manifest_step_budget_round_trips(tmp_path):
    from caplet.image_commands import CommandError, read_manifest
    from compiler.bytecode.image import read_image

    entry = tmp_path / "main.js"
    entry.write_text("1")
    (tmp_path / "caplet.json").write_text('{"name": "m", "stepBudget": 12345}')
    assert read_manifest(entry).step_budget == 12345
    assert read_image(build_image("1", "m", steps=12345)).manifest.step_budget == 12345
    assert read_image(build_image("1", "m")).manifest.step_budget == 0
    (tmp_path / "caplet.json").write_text('{"name": "m", "stepBudget": -1}')
    with pytest.raises(CommandError, match="stepBudget: must be a non-negative integer"):
        read_manifest(entry)


ISOLATION_POLICY = """
[apps.owner]
Digital = { pins = [2, 3] }
Timer = true

[apps.intruder]
Digital = { pins = [3, 25] }
"""

OWNER = """
var secret = "owner's secret";
globalThis.shared = { secret };
const led = new Digital({pin: 3, mode: Digital.Output});
led.write(1);
function reveal() { return secret; }
"""

INTRUDER = """
const seen = [];
function attempt(label, f) {
  try { seen.push(label + ": " + String(f())); }
  catch (e) { seen.push(label + ": " + e.constructor.name + " " + e.message); }
}
attempt("typeof secret", () => typeof secret);
attempt("globalThis.shared", () => globalThis.shared);
attempt("reveal", () => reveal());
attempt("Function's global", () => Function("return globalThis")() === globalThis);
attempt("Function's this", () => Function("return this")());
attempt("via a shared constructor",
        () => [].constructor.constructor("return typeof shared")());
attempt("a new compartment", () => typeof new Compartment().globalThis.shared);
attempt("poison Array.prototype", () => Reflect.set(Array.prototype, "map", null));
attempt("pin 2", () => new Digital({pin: 2, mode: Digital.Input}));
attempt("pin 3", () => new Digital({pin: 3, mode: Digital.Output}));
attempt("pin 25", () => new Digital({pin: 25, mode: Digital.Output}).write(1));
attempt("Timer", () => typeof setTimeout);
console.log(seen.join("\\n"));
"""


def test_an_app_reaches_neither_another_apps_globals_nor_an_ungranted_pin(tmp_path):
    """Two apps on one device: the intruder's every route to the owner's globals finds
    only its own Global, the pin it was not granted is refused, the granted pin the
    owner holds is busy; only its own pin works. The owner is unaffected."""
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text(ISOLATION_POLICY)
    hardware = Hardware(PICO)
    agent = Agent(PICO, Flash.for_spec(PICO), policy=Policy.load(policy_file, PICO),
                  hardware=hardware)
    agent.boot()
    install(agent, build_image(OWNER, "owner", caps=["Digital", "Timer"]))
    install(agent, build_image(INTRUDER, "intruder", caps=["Digital", "Timer"]))
    notice, report = lines(agent, "intruder")
    assert notice == "intruder: capability Timer is not granted by the device policy"
    assert report.split("\n") == [
        "typeof secret: undefined",
        "globalThis.shared: undefined",
        "reveal: ReferenceError reveal is not defined",
        "Function's global: true",
        "Function's this: undefined",
        "via a shared constructor: TypeError Function.prototype.constructor is not a valid "
        "constructor.",  # the route through a prototype is closed (as in ses)
        "a new compartment: undefined",
        "poison Array.prototype: false",
        "pin 2: Error pin 2 is not granted to app intruder by the device policy",
        "pin 3: Error pin 3 is in use by app owner",
        "pin 25: undefined",
        "Timer: undefined",
    ]
    assert hardware.owners == {("pin", 3): "owner", ("pin", 25): "intruder"}
    for probe in ("secret", "reveal()", "shared"):
        reply = call(agent, m.Eval("intruder", probe))
        assert reply.ok is False and "ReferenceError" in reply.text, reply
    assert call(agent, m.Eval("owner", "reveal() + ' ' + [1].map(x => x)")) == \
        m.Result(True, "\"owner's secret 1\"")
    states = {a.name: a.state for a in call(agent, m.List()).apps}
    assert states == {"owner": "running", "intruder": "running"}
