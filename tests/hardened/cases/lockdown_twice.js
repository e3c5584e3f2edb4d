// a second lockdown throws a TypeError
lockdown();
try { lockdown(); } catch (e) { console.log(e.constructor.name, e.message); }
try { lockdown({ errorTaming: 'unsafe' }); } catch (e) { console.log(e.constructor.name, e.message); }
