// assigning to the intrinsic itself still fails after lockdown
'use strict';
lockdown();
try { Object.prototype.valueOf = () => 1; console.log('assigned'); } catch (e) { console.log(e.constructor.name); }
try { Error.prototype.message = 'm'; console.log('assigned'); } catch (e) { console.log(e.constructor.name); }
