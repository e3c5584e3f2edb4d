// every unknown option is listed, in property order
try { lockdown({ errorTaming: 'safe', zeta: 1, alpha: 2 }); } catch (e) { console.log(e.constructor.name, e.message); }
