"""Checks run on article text: quotations, attribution, boilerplate, spelling."""
