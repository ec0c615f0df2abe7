"""How a checked posting reads: values in the page's language, the interface's words, JSON-LD."""
