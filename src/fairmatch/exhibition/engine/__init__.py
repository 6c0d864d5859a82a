"""Booth allocation: a pure, typed engine (no Django) that assigns exhibitors to booths."""
