# Django's Korean times are 12-hour with the marker after the time ("3:00 오후"); a
# timetable reads 24-hour times, and CLDR's short date is "2026. 5. 12.".
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "Y년 n월 j일 H:i"
SHORT_DATE_FORMAT = "Y. n. j."
SHORT_DATETIME_FORMAT = "Y. n. j. H:i"
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
