"""Layer 3, the model: facts, the report, indicators, the appendix and its forms, typed views."""
