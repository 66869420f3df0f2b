module example.com/m
require example.com/a v2.0.0
require example.com/b/v2 v1.0.0
require gopkg.in/yaml.v2 v3.0.0
require gopkg.in/check.v1 v0.0.0-20161208181325-20d25e280405
require example.com/c/v1 v1.0.0
require example.com/d/v2.0 v2.0.0
exclude example.com/e/v3 v2.0.0
