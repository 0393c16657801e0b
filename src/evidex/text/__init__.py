"""Reading text: the grammar every reader shares. Imports nothing else of Evidex."""
