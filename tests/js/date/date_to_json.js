// toJSON calls toISOString, gives null for invalid dates, and works on non-Date objects.
console.log(JSON.stringify({ when: new Date(86400000), bad: new Date(NaN) }));
console.log(new Date(0).toJSON(), new Date(NaN).toJSON());
const fake = { valueOf: () => 5, toISOString: () => "fake!" };
console.log(Date.prototype.toJSON.call(fake), Date.prototype.toJSON.call({ valueOf: () => Infinity, toISOString() {} }));
try { Date.prototype.toJSON.call({ toISOString: 1 }); } catch (e) { console.log(e.constructor.name); }
