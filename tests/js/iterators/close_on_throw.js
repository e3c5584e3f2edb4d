// An exception in a destructuring default or a generator's return() closes the iterator.
function tracked() {
  let i = 0;
  return { [Symbol.iterator]() { return this; }, next() { return { value: i++, done: false }; },
    return() { console.log("closed"); return {}; } };
}
try { const [a, b = (() => { throw new Error("x"); })()] = tracked(); } catch (e) { console.log(e.message); }
try { const [a, b] = tracked(); console.log(a, b); } catch (e) { console.log(e.message); }
function* g() { try { for (const x of tracked()) yield x; } finally { console.log("fin"); } }
const it = g(); it.next(); console.log(it.return(5).value);
