module go.example.net/fork-tango
