"""Layer 1, conventions: errors, text, numbers and money, dates, periods, units, two helpers.

Modules here import nothing of the library outside this package.
"""
