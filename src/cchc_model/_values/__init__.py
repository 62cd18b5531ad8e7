"""Layer 2, values: appendix value kinds and legal-document references with their grammar."""
