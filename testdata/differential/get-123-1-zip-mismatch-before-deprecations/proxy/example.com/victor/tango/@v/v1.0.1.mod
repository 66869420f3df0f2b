module example.com/victor/tango

replace go.example.net/quebec/lima => go.example.net/quebec/lima v0.0.0
