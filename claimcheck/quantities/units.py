"""Unit and currency tokens, normalised to the contract's unit names.

Physical units map to pint unit names (``kilometer``, ``tonne``, ``square_kilometer`` ...),
money to ISO 4217 codes, and the two percent-like units to ``percent`` and
``percentage-point``. Keys of the word tables are lower-cased tokens; the abbreviation table
is case-sensitive because ``m``/``M``, ``C``/``c`` and ``t``/``T`` mean different things.
"""

from __future__ import annotations

PERCENT = "percent"
PERCENTAGE_POINT = "percentage-point"
CALENDAR_YEAR = "calendar-year"
ORDINAL = "ordinal"
CELSIUS = "degree_Celsius"
FAHRENHEIT = "degree_Fahrenheit"
DELTA = {"degree_Celsius": "delta_degree_Celsius", "degree_Fahrenheit": "delta_degree_Fahrenheit"}

# --- money -----------------------------------------------------------------------------------

# A symbol before the number. "¥" is yen unless the text is about China (see reader).
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₦": "NGN", "₽": "RUB",
    "₺": "TRY", "₩": "KRW", "₴": "UAH", "₪": "ILS", "฿": "THB", "₱": "PHP", "₫": "VND",
    "₵": "GHS", "₣": "CHF", "﹩": "USD", "＄": "USD",
}
# Letters written straight before "$": "A$368bn", "US$5m".
DOLLAR_PREFIXES: dict[str, str] = {
    "US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "CAN": "CAD", "NZ": "NZD",
    "HK": "HKD", "S": "SGD", "SG": "SGD", "R": "BRL", "MX": "MXN", "NT": "TWD", "Z": "ZWL",
    "Mex": "MXN", "MEX": "MXN", "mxn": "MXN", "MXN": "MXN", "aud": "AUD", "AUD": "AUD",
    "cad": "CAD", "CAD": "CAD", "nzd": "NZD", "NZD": "NZD", "usd": "USD", "USD": "USD",
    "hkd": "HKD", "HKD": "HKD", "sgd": "SGD", "SGD": "SGD",
}
ISO_CODES = frozenset({
    "USD", "EUR", "GBP", "JPY", "CHF", "CNY", "RMB", "INR", "AUD", "CAD", "NGN", "ZAR", "KES",
    "PLN", "RUB", "UAH", "TRY", "BRL", "MXN", "SEK", "NOK", "DKK", "HKD", "SGD", "NZD", "KRW",
    "IDR", "MYR", "THB", "PHP", "AED", "SAR", "ILS", "EGP", "PKR", "BDT", "VND", "CZK", "HUF",
    "RON", "ARS", "CLP", "COP", "PEN", "GHS", "TWD", "QAR", "KWD", "MAD", "ETB", "TZS", "UGX",
})
# Words (case-sensitive) written before the number: "KSh 600 billion", "Rs 500".
CURRENCY_PREFIX_WORDS: dict[str, str] = {
    "KSh": "KES", "Ksh": "KES", "Kshs": "KES", "KShs": "KES", "Rs": "INR", "Rp": "IDR",
    "RM": "MYR", "zł": "PLN", "Fr": "CHF", "SFr": "CHF", "NIS": "ILS", "Tk": "BDT",
    "RMB": "CNY", **{code: code for code in ISO_CODES},
}
CURRENCY_PREFIX_WORDS["RMB"] = "CNY"
# Words after the number (or its scale word): "65,312 euros", "27.5 trillion naira".
CURRENCY_WORDS: dict[str, str] = {
    "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "naira": "NGN",
    "złoty": "PLN", "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "złotych": "PLN",
    "francs": "CHF", "franc": "CHF", "rand": "ZAR", "shillings": "KES", "shilling": "KES",
    "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "hryvnias": "UAH",
    "hryvnia": "UAH", "hryvnas": "UAH", "lira": "TRY", "liras": "TRY", "pesos": "MXN",
    "peso": "MXN", "reais": "BRL", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB",
    "dirhams": "AED", "dirham": "AED", "riyals": "SAR", "riyal": "SAR", "kronor": "SEK",
    "krona": "SEK", "kroner": "NOK", "krone": "DKK", "shekels": "ILS", "shekel": "ILS",
    "cedis": "GHS", "cedi": "GHS", "forint": "HUF", "koruna": "CZK", "lei": "RON",
    "leu": "RON", "taka": "BDT", "dong": "VND", "sterling": "GBP", "元": "CNY",
    "pound": "GBP", "pounds": "GBP",  # money only with "sterling" or a scale word (reader)
}
CURRENCY_MULTIWORD: dict[tuple[str, ...], str] = {
    ("us", "dollars"): "USD", ("us", "dollar"): "USD", ("american", "dollars"): "USD",
    ("australian", "dollars"): "AUD", ("canadian", "dollars"): "CAD",
    ("new", "zealand", "dollars"): "NZD", ("hong", "kong", "dollars"): "HKD",
    ("singapore", "dollars"): "SGD", ("taiwan", "dollars"): "TWD",
    ("swiss", "francs"): "CHF", ("swiss", "franc"): "CHF", ("pounds", "sterling"): "GBP",
    ("pound", "sterling"): "GBP", ("kenyan", "shillings"): "KES",
    ("ugandan", "shillings"): "UGX", ("tanzanian", "shillings"): "TZS",
    ("south", "african", "rand"): "ZAR", ("argentine", "pesos"): "ARS",
    ("argentinian", "pesos"): "ARS", ("mexican", "pesos"): "MXN",
    ("philippine", "pesos"): "PHP", ("colombian", "pesos"): "COP", ("chilean", "pesos"): "CLP",
    ("indian", "rupees"): "INR", ("pakistani", "rupees"): "PKR", ("japanese", "yen"): "JPY",
    ("chinese", "yuan"): "CNY", ("turkish", "lira"): "TRY", ("brazilian", "reais"): "BRL",
    ("swedish", "kronor"): "SEK", ("norwegian", "kroner"): "NOK", ("danish", "kroner"): "DKK",
    ("egyptian", "pounds"): "EGP", ("russian", "roubles"): "RUB", ("russian", "rubles"): "RUB",
    ("polish", "zloty"): "PLN", ("polish", "złoty"): "PLN", ("nigerian", "naira"): "NGN",
}
# Sub-units: a written amount of cents is money in hundredths.
SUBUNIT_WORDS: dict[str, tuple[str, float]] = {
    "cents": ("USD", 0.01), "cent": ("USD", 0.01), "pence": ("GBP", 0.01), "penny": ("GBP", 0.01),
    "kopecks": ("RUB", 0.01), "kopeks": ("RUB", 0.01),
}

# --- percent ---------------------------------------------------------------------------------

PERCENT_WORDS: dict[tuple[str, ...], tuple[str, float]] = {
    ("%",): (PERCENT, 1.0), ("percent",): (PERCENT, 1.0), ("per", "cent"): (PERCENT, 1.0),
    ("pct",): (PERCENT, 1.0), ("pc",): (PERCENT, 1.0), ("percents",): (PERCENT, 1.0), ("percentage",): (PERCENT, 1.0), ("per", "centum"): (PERCENT, 1.0), ("％",): (PERCENT, 1.0),
    ("percentage", "points"): (PERCENTAGE_POINT, 1.0),
    ("percentage", "point"): (PERCENTAGE_POINT, 1.0),
    ("percent", "points"): (PERCENTAGE_POINT, 1.0),
    ("per", "cent", "points"): (PERCENTAGE_POINT, 1.0),
    ("pp",): (PERCENTAGE_POINT, 1.0), ("ppt",): (PERCENTAGE_POINT, 1.0),
    ("ppts",): (PERCENTAGE_POINT, 1.0), ("pps",): (PERCENTAGE_POINT, 1.0),
    ("basis", "points"): (PERCENTAGE_POINT, 0.01), ("basis", "point"): (PERCENTAGE_POINT, 0.01),
    ("bps",): (PERCENTAGE_POINT, 0.01), ("bp",): (PERCENTAGE_POINT, 0.01),
}
POINT_WORDS = frozenset({"points", "point", "pts"})

# --- physical units --------------------------------------------------------------------------

# Lower-cased words and unambiguous abbreviations, with or without a space after the number.
WORD_UNITS: dict[str, str] = {}


def _add(name: str, *words: str) -> None:
    for word in words:
        WORD_UNITS[word] = name


_add("kilometer", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "klicks")
_add("mile", "mile", "miles", "mi")
_add("meter", "metre", "metres", "meter", "meters")
_add("centimeter", "cm", "centimetre", "centimetres", "centimeter", "centimeters")
_add("millimeter", "mm", "millimetre", "millimetres", "millimeter", "millimeters")
_add("micrometer", "micrometre", "micrometres", "micron", "microns")
_add("nanometer", "nanometre", "nanometres", "nanometer", "nanometers")
_add("foot", "foot", "feet", "ft")
_add("inch", "inch", "inches")
_add("yard", "yard", "yards", "yd", "yds")
_add("kilogram", "kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos")
_add("gram", "gram", "grams", "gramme", "grammes")
_add("milligram", "mg", "milligram", "milligrams", "milligramme", "milligrammes")
_add("microgram", "microgram", "micrograms", "microgramme", "microgrammes", "µg", "μg")
_add("tonne", "tonne", "tonnes")
_add("ton", "ton", "tons")
_add("pound", "lb", "lbs")
_add("ounce", "ounce", "ounces", "oz")
_add("hectare", "hectare", "hectares", "ha")
_add("acre", "acre", "acres")
_add("liter", "litre", "litres", "liter", "liters")
_add("milliliter", "ml", "millilitre", "millilitres", "milliliter", "milliliters")
_add("gallon", "gallon", "gallons")
_add("barrel", "barrel", "barrels", "bbl")
_add("second", "second", "seconds", "sec", "secs")
_add("millisecond", "millisecond", "milliseconds", "ms")
_add("minute", "minute", "minutes", "min", "mins")
_add("hour", "hour", "hours", "hr", "hrs")
_add("day", "day", "days")
_add("week", "week", "weeks")
_add("fortnight", "fortnight", "fortnights")
_add("month", "month", "months")
_add("year", "year", "years", "yr", "yrs")
_add("decade", "decade", "decades")
_add("century", "century", "centuries")
_add("mile_per_hour", "mph")
_add("kilometer_per_hour", "kph", "kmh", "km/h", "kmph")
_add("knot", "knot", "knots")
_add("watt", "watt", "watts")
_add("kilowatt", "kilowatt", "kilowatts", "kw")
_add("megawatt", "megawatt", "megawatts", "mw")
_add("gigawatt", "gigawatt", "gigawatts", "gw")
_add("terawatt", "terawatt", "terawatts")
_add("kilowatt_hour", "kilowatt-hour", "kilowatt-hours", "kwh")
_add("megawatt_hour", "megawatt-hour", "megawatt-hours", "mwh")
_add("gigawatt_hour", "gigawatt-hour", "gigawatt-hours", "gwh")
_add("terawatt_hour", "terawatt-hour", "terawatt-hours", "twh")
_add("kelvin", "kelvin")
_add("light_year", "light-year", "light-years")
_add("gigabyte", "gigabyte", "gigabytes", "gb")
_add("terabyte", "terabyte", "terabytes", "tb")
_add("megabyte", "megabyte", "megabytes")
_add("kilotonne", "kiloton", "kilotons", "kilotonne", "kilotonnes")
_add("megatonne", "megaton", "megatons", "megatonne", "megatonnes")
_add("square_kilometer", "km2", "km²", "sqkm")
_add("square_meter", "m2", "m²")
_add("cubic_meter", "m3", "m³")
_add(CELSIUS, "celsius", "centigrade", "°c", "ºc", "celcius")
_add(FAHRENHEIT, "fahrenheit", "°f", "ºf", "farenheit")
_add("year", "yo")

# Abbreviations that only count when written straight after the digits ("14km" is in
# WORD_UNITS already; these are the short ones that are words or names elsewhere).
ATTACHED_UNITS: dict[str, str] = {
    "m": "meter", "t": "tonne", "g": "gram", "l": "liter", "L": "liter", "h": "hour",
    "C": CELSIUS, "F": FAHRENHEIT, "in": "inch", "yo": "year",
}
# Short abbreviations accepted after a space too, case-sensitive ("30 C", "5 m").
SPACED_ABBREVIATIONS: dict[str, str] = {"C": CELSIUS, "F": FAHRENHEIT, "m": "meter", "L": "liter"}
# ISO codes that are no English word, so they may be written in lower case or on the digits
# ("20 usd", "rmb 10", "USD115"); "COP", "TRY", "PEN", "MAD" stay upper case and spaced.
PLAIN_ISO_CODES = frozenset({
    "usd", "eur", "gbp", "jpy", "chf", "cny", "rmb", "inr", "aud", "cad", "hkd", "sgd", "nzd",
    "zar", "ngn", "kes", "pln", "rub", "uah", "brl", "mxn", "sek", "nok", "dkk", "krw",
})

UNIT_MULTIWORD: dict[tuple[str, ...], str] = {
    ("square", "kilometres"): "square_kilometer", ("square", "kilometers"): "square_kilometer",
    ("square", "kilometre"): "square_kilometer", ("square", "kilometer"): "square_kilometer",
    ("sq", "km"): "square_kilometer", ("sq", ".", "km"): "square_kilometer",
    ("km", "²"): "square_kilometer", ("km", "2"): "square_kilometer",
    ("square", "miles"): "square_mile", ("square", "mile"): "square_mile",
    ("sq", "mi"): "square_mile", ("sq", "miles"): "square_mile",
    ("square", "metres"): "square_meter", ("square", "meters"): "square_meter",
    ("square", "metre"): "square_meter", ("square", "meter"): "square_meter",
    ("sq", "m"): "square_meter", ("m", "²"): "square_meter",
    ("square", "feet"): "square_foot", ("square", "foot"): "square_foot",
    ("sq", "ft"): "square_foot",
    ("cubic", "metres"): "cubic_meter", ("cubic", "meters"): "cubic_meter",
    ("cubic", "metre"): "cubic_meter", ("cubic", "meter"): "cubic_meter",
    ("cubic", "feet"): "cubic_foot", ("cubic", "foot"): "cubic_foot",
    ("metric", "tons"): "tonne", ("metric", "ton"): "tonne", ("metric", "tonnes"): "tonne",
    ("nautical", "miles"): "nautical_mile", ("nautical", "mile"): "nautical_mile",
    ("light", "years"): "light_year", ("light", "-", "years"): "light_year",
    ("kilometres", "per", "hour"): "kilometer_per_hour",
    ("kilometers", "per", "hour"): "kilometer_per_hour",
    ("km", "per", "hour"): "kilometer_per_hour", ("km", "/", "h"): "kilometer_per_hour",
    ("km", "/", "hr"): "kilometer_per_hour", ("km", "an", "hour"): "kilometer_per_hour",
    ("kilometres", "an", "hour"): "kilometer_per_hour",
    ("miles", "per", "hour"): "mile_per_hour", ("miles", "an", "hour"): "mile_per_hour",
    ("metres", "per", "second"): "meter_per_second", ("m", "/", "s"): "meter_per_second",
    ("degrees", "celsius"): CELSIUS, ("degrees", "centigrade"): CELSIUS,
    ("degree", "celsius"): CELSIUS, ("degrees", "c"): CELSIUS, ("deg", "c"): CELSIUS,
    ("degrees", "fahrenheit"): FAHRENHEIT, ("degree", "fahrenheit"): FAHRENHEIT,
    ("degrees", "f"): FAHRENHEIT, ("deg", "f"): FAHRENHEIT,
    ("deg", "celsius"): CELSIUS, ("deg", "fahrenheit"): FAHRENHEIT, ("degrees", "celcius"): CELSIUS,
    ("degrees", "farenheit"): FAHRENHEIT, ("degree", "farenheit"): FAHRENHEIT,
    ("m", "2"): "square_meter", ("m", "3"): "cubic_meter", ("km", "squared"): "square_kilometer",
    ("°", "c"): CELSIUS, ("°", "f"): FAHRENHEIT, ("º", "c"): CELSIUS, ("º", "f"): FAHRENHEIT,
    ("kilowatt", "hours"): "kilowatt_hour", ("megawatt", "hours"): "megawatt_hour",
    ("gigawatt", "hours"): "gigawatt_hour", ("terawatt", "hours"): "terawatt_hour",
    ("kilowatt", "-", "hours"): "kilowatt_hour", ("megawatt", "-", "hours"): "megawatt_hour",
    ("gigawatt", "-", "hours"): "gigawatt_hour", ("terawatt", "-", "hours"): "terawatt_hour",
}
# Bare "degrees"/"°": a temperature in Celsius when the text speaks of weather, else an angle.
DEGREE_WORDS = frozenset({"degrees", "degree", "°", "º"})

# Words after a temperature that make it a difference ("1.45C above pre-industrial levels").
DELTA_AFTER = frozenset({
    "above", "below", "warmer", "cooler", "hotter", "colder", "higher", "lower", "more",
    "less", "of", "rise", "increase", "warming", "anomaly", "hotter", "over",
})
DELTA_BEFORE = frozenset({"by", "warming", "rise", "rising", "increase", "anomaly", "warmed", "risen", "rose"})

# A small temperature near these words is a warming, a difference ("the 1.5C goal").
WARMING_CUES = frozenset({
    "pre-industrial", "preindustrial", "warming", "heating", "paris", "ipcc", "anomaly",
})

DURATION_UNITS = frozenset({
    "second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade",
    "century", "millisecond",
})
