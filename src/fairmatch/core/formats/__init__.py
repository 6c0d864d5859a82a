"""Date and number formats where Django's defaults differ from what readers expect.

Django merges these over its own locale formats (``FORMAT_MODULE_PATH``); only the values
changed are here. Times are 24-hour in every language (a conference timetable), and
numbers keep a thousands separator every three digits, as CLDR (Babel) has them.
"""
