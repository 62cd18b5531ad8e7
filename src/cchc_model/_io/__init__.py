"""Layer 4, input and output: JSON and appendix tables."""
