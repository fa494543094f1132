"""Amber."""
