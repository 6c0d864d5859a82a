# Django's 24-hour formats are kept; a space before the time, as CLDR writes it.
DATETIME_FORMAT = "Y年n月j日 G:i"
SHORT_DATETIME_FORMAT = "Y/m/d G:i"
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
