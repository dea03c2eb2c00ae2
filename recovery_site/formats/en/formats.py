# English dates as the site has always written them: "November 26, 2026". Spanish uses
# Django's own ("26 de noviembre de 2026").
DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "F j, Y, g:i a"
MONTH_DAY_FORMAT = "F j"
