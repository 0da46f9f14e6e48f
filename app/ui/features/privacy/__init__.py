"""Privacy: Clear Personal Data and the list of what the app stores."""
