// an unknown reporting value fails before lockdown counts as done
try { lockdown({ reporting: 'bogus' }); } catch (e) { console.log(e.constructor.name, e.message); }
lockdown();
console.log('second call works', Object.isFrozen(Array.prototype));
