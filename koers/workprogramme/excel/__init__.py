"""The work-programme workbook: one layout, written by Koers (template, export) and read back."""
