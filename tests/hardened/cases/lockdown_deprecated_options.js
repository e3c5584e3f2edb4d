// dateTaming and mathTaming are accepted with a warning and do nothing
lockdown({ dateTaming: 'safe', mathTaming: 'unsafe' });
console.log(typeof Math.random());
