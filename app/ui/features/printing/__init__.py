"""Printing: Print, Print Whole Profile, Export PDF, the country card and `export-pdf`."""
