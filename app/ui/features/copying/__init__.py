"""Copying: Copy Section with Source and the reading pane's Copy Number / Copy Contact."""
