// A non-object entry makes the Map constructor throw and close the iterator first.
let closed = false;
const iterable = {
  [Symbol.iterator]() {
    return { next: () => ({ value: 42, done: false }), return() { closed = true; return {}; } };
  },
};
try { new Map(iterable); } catch (e) { console.log(e instanceof TypeError, e.message, closed); }
try { new Map(5); } catch (e) { console.log(e.constructor.name, e.message); }
try { new Map([["ok", 1], "ab"]); } catch (e) { console.log(e.message); }
