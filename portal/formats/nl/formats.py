# Day-month-year in the Dutch order for forms and the admin; listings use the `time_element` tag.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d-m-Y"
DATETIME_FORMAT = "j F Y H:i"
DATE_INPUT_FORMATS = ["%d-%m-%Y", "%Y-%m-%d"]
