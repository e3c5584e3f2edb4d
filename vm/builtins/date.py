def setup(realm): pass
