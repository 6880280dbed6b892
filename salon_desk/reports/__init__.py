"""Printed output (reportlab): receipts, visit records, the monthly report. Plain data in, PDF out."""
