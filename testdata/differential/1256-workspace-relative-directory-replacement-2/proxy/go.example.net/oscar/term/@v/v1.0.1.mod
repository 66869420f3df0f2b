module go.example.net/oscar/term

replace github.com/Zeta/sync => github.com/Zeta/sync v0.4.3
