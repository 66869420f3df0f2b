module go.example.net/oscar/term
