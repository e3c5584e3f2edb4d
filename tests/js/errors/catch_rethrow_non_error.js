// Rethrowing a caught primitive keeps its identity and type.
function f() { try { throw 42; } catch (e) { throw e; } }
try { f(); } catch (e) { console.log(e, typeof e); }
try { throw { message: "fake", name: "NotAnError" }; } catch (e) { console.log(e.name, e instanceof Error); }
