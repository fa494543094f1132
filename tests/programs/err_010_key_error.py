# KeyError on a missing dict key
config = {"host": "localhost", "port": 8080}
def get_setting(cfg, key):
    return cfg[key]
def describe(cfg, keys):
    for k in keys:
        print(k, "=", get_setting(cfg, k))
describe(config, ["host", "port"])
describe(config, ["host", "timeout"])
