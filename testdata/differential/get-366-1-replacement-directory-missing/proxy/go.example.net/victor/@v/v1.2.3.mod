module go.example.net/victor
