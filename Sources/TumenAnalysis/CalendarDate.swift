import TumenProtocol

/// A year, a month of a year, or a day, in the proleptic Gregorian calendar.
///
/// `month` and `day` are 0 when the text does not give them, so the value carries its own precision.
struct CalendarDate: Hashable, Comparable {
    var year: Int
    var month: Int = 0
    var day: Int = 0

    /// A date from `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else.
    init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        self.year = year
        if parts.count > 1 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count > 2 {
            guard parts[2].count == 2, let day = Int(parts[2]),
                (1...Self.days(inMonth: month, of: year)).contains(day)
            else { return nil }
            self.day = day
        }
    }

    init(year: Int, month: Int = 0, day: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `day`, `month` or `year`.
    var precision: String { day > 0 ? "day" : month > 0 ? "month" : "year" }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    var iso: String {
        var result = Self.padded(year, 4)
        if month > 0 { result += "-" + Self.padded(month, 2) }
        if day > 0 { result += "-" + Self.padded(day, 2) }
        return result
    }

    /// The same date with only its year and month.
    var monthOnly: CalendarDate { CalendarDate(year: year, month: month) }

    static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether month and day (when given) exist.
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard year > 0, (0...12).contains(month) else { return false }
        if day == 0 { return true }
        return month > 0 && day <= days(inMonth: month, of: year)
    }

    /// This month shifted by `months` (month precision only).
    func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        return CalendarDate(year: index / 12, month: index % 12 + 1)
    }

    /// This day shifted by `days` (day precision only).
    func adding(days: Int) -> CalendarDate { Self(dayNumber: dayNumber + days) }

    /// ISO weekday: 1 is Monday, 7 is Sunday (day precision only).
    var weekday: Int {
        let value = (dayNumber + 3) % 7  // day number 0 is 1970-01-01, a Thursday
        return (value < 0 ? value + 7 : value) + 1
    }

    /// Days since 1970-01-01.
    private var dayNumber: Int {
        Int(Timestamp.daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    private init(dayNumber: Int) {
        let date = Timestamp.civilDate(fromDays: Int64(dayNumber))
        self.init(year: Int(date.year), month: Int(date.month), day: Int(date.day))
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
