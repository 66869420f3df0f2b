module example.com/e
require ( ) // empty
exclude (
)
