// in sloppy code a write to an intrinsic fails silently after lockdown
lockdown();
Array.isArray = null;
Object.prototype.extra = 1;
console.log(typeof Array.isArray, ({}).extra, delete Array.prototype.map, typeof [].map);
