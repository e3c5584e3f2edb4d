// every ses 2.x option name is accepted with its documented values
lockdown({
  errorTaming: 'unsafe', errorTrapping: 'none', reporting: 'none',
  unhandledRejectionTrapping: 'none', regExpTaming: 'unsafe', localeTaming: 'unsafe',
  consoleTaming: 'unsafe', overrideTaming: 'min', stackFiltering: 'verbose',
  domainTaming: 'unsafe', evalTaming: 'unsafe-eval', overrideDebug: [],
  legacyRegeneratorRuntimeTaming: 'unsafe-ignore', __hardenTaming__: 'safe',
});
console.log(typeof harden, Object.isFrozen(Object.prototype));
