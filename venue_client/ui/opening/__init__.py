"""The opening desk (开标台) and the hall's large screen (大屏)."""
