"""The pure core: the posting model, problems and rules, today and the lifecycle, text helpers."""
