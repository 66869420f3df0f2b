module "example.com/u
require x v1.0.0
