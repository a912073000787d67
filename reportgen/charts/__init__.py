"""Charts: plan chart specs from the content model, then draw them with matplotlib."""
