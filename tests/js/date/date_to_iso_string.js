// toISOString: four-digit years in 0..9999, six-digit signed years otherwise; RangeError when invalid.
console.log(new Date(0).toISOString(), new Date(1704164645006).toISOString());
console.log(new Date(Date.UTC(10000, 0)).toISOString(), new Date(Date.UTC(-1, 11, 31)).toISOString());
console.log(new Date(-8.64e15).toISOString(), new Date(8.64e15).toISOString(), new Date(-1).toISOString());
try { new Date(NaN).toISOString(); } catch (e) { console.log(e.constructor.name, e.message); }
