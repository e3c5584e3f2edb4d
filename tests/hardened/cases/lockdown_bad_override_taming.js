// an unknown overrideTaming throws, and lockdown is then used up
try { lockdown({ overrideTaming: 'bogus' }); } catch (e) { console.log(e.constructor.name, e.message); }
try { lockdown(); } catch (e) { console.log(e.constructor.name, e.message); }
