# date arithmetic: leap years, day of year, day of week, month calendar
DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
def days_in_month(y, m):
    return 29 if m == 2 and is_leap(y) else DAYS[m - 1]
def day_of_year(y, m, d):
    total = d
    for mm in range(1, m):
        total += days_in_month(y, mm)
    return total
def days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468
def weekday(y, m, d):
    return NAMES[(days_from_civil(y, m, d) + 3) % 7]
print("leap:", end=" ")
for y in [1900, 2000, 2023, 2024, 2100, 2400]:
    print(y, is_leap(y), end="; ")
print()
for y, m, d in [(1970, 1, 1), (2000, 2, 29), (2024, 12, 31), (1969, 7, 20), (2038, 1, 19), (1, 1, 1)]:
    print(f"{y:04d}-{m:02d}-{d:02d} day {day_of_year(y, m, d):>3} {weekday(y, m, d)} epoch {days_from_civil(y, m, d)}")
print(days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 1), days_from_civil(2023, 3, 1) - days_from_civil(2023, 2, 1))
def month_calendar(y, m):
    lines = [f"{str(y) + '-' + str(m):^20}", " ".join(["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"])]
    first = (days_from_civil(y, m, 1) + 3) % 7
    cells = ["  "] * first
    for d in range(1, days_in_month(y, m) + 1):
        cells.append(f"{d:>2}")
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return "\n".join(lines)
print(month_calendar(2024, 2))
print(month_calendar(2023, 10))
