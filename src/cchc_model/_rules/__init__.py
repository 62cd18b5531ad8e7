"""Layer 5, validation: the engine, the rule families, the default rule set and ``validate``."""
