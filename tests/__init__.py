"""The test suite: the core without Qt here, the window under ui/ (shell and features as in app/ui/)."""
