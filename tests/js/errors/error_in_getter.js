// Exceptions thrown by getters, setters and toString propagate to the caller.
const o = {
  get bad() { throw new Error("getter threw"); },
  set bad(v) { throw new Error("setter threw " + v); },
};
try { o.bad; } catch (e) { console.log(e.message); }
try { o.bad = 1; } catch (e) { console.log(e.message); }
try { `${{ toString() { throw new Error("toString threw"); } }}`; } catch (e) { console.log(e.message); }
