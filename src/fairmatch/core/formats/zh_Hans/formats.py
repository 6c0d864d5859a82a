# Django groups Chinese digits by four without a separator ("11000000"); CLDR, the
# government's style guide and the readers' banks write 11,000,000.
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
# Django writes "05月12日"; Chinese readers write the month without a leading zero.
MONTH_DAY_FORMAT = "n月j日"
