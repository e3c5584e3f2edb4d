// harden appears with lockdown, as ses installs it then
console.log(typeof harden);
lockdown();
console.log(typeof harden, harden.name, harden.length);
console.log(Object[Symbol.for('harden')] === harden);
