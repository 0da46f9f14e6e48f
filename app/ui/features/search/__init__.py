"""Search: the search box and hit list above the tree, the find bar under the text, their keys."""
