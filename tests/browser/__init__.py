"""Tests that drive the built site in headless Chromium."""
