// localeTaming 'safe' (the default) makes locale methods locale-free
lockdown();
console.log((1234.5).toLocaleString(), 'b'.localeCompare('a'), 'a'.localeCompare('b'), 'a'.localeCompare('a'));
console.log('abc'.toLocaleUpperCase(), 'ABC'.toLocaleLowerCase());
