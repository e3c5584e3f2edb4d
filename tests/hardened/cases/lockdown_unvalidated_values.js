// ses does not check the value of most options: an odd errorTaming still locks down
lockdown({ errorTaming: 'whatever', stackFiltering: 'odd', consoleTaming: 7 });
console.log(Object.isFrozen(Function.prototype));
