import Foundation

/// A calendar date and time without a time zone, as a data extension Date field holds it.
/// Values given with a UTC offset are converted to UTC.
public struct DateTimeValue: Sendable, Hashable, Comparable {
    public let year: Int, month: Int, day: Int
    public let hour: Int, minute: Int, second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Accepts ISO-8601 (`2024-06-23`, `2013-05-23T14:32:00Z`, with seconds, fractions or
    /// an offset) and Marketing Cloud's `6/23/2024 12:00:00 AM` (time and seconds optional).
    public init(parsing text: String) throws(ValueProblem) {
        guard let parsed = Self.parseISO(text) ?? Self.parseMarketingCloud(text) else { throw .notADate }
        self = parsed
    }

    /// The current time in UTC.
    public static func now(_ date: Date = Date()) -> DateTimeValue {
        fromEpochSeconds(Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// `yyyy-MM-dd HH:mm:ss`: sorts as text in time order, so it is what the database stores.
    public var storageText: String {
        String(format: "%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour, minute, second)
    }

    /// Marketing Cloud's display and wire form: `6/23/2024 12:00:00 AM`.
    public var marketingCloudText: String {
        let twelveHour = hour % 12 == 0 ? 12 : hour % 12
        let time = String(format: "%d/%d/%04d %d:%02d:%02d", month, day, year, twelveHour, minute, second)
        return time + (hour < 12 ? " AM" : " PM")
    }

    public static func < (lhs: DateTimeValue, rhs: DateTimeValue) -> Bool { lhs.storageText < rhs.storageText }

    // MARK: Parsing

    private static func parseISO(_ text: String) -> DateTimeValue? {
        let chars = Array(text)
        guard chars.count >= 10, chars[4] == "-", chars[7] == "-",
            let year = number(chars[0..<4]), let month = number(chars[5..<7]), let day = number(chars[8..<10])
        else { return nil }
        var rest = chars[10...]
        var hour = 0, minute = 0, second = 0
        if let separator = rest.first, separator == "T" || separator == " " {
            rest = rest.dropFirst()
            guard rest.count >= 5, rest[rest.startIndex + 2] == ":",
                let h = number(rest.prefix(2)), let m = number(rest.dropFirst(3).prefix(2))
            else { return nil }
            (hour, minute) = (h, m)
            rest = rest.dropFirst(5)
            if rest.first == ":" {
                guard let s = number(rest.dropFirst().prefix(2)) else { return nil }
                second = s
                rest = rest.dropFirst(3)
                if rest.first == "." {
                    rest = rest.dropFirst().drop(while: \.isASCIIDigit)
                }
            }
        }
        var offsetSeconds = 0
        if rest.first == "Z" {
            rest = rest.dropFirst()
        } else if let sign = rest.first, sign == "+" || sign == "-" {
            let digits = rest.dropFirst().filter { $0 != ":" }
            guard digits.count == 4, let h = number(digits.prefix(2)), let m = number(digits.suffix(2)), h < 24, m < 60
            else { return nil }
            offsetSeconds = (h * 3600 + m * 60) * (sign == "-" ? -1 : 1)
            rest = []
        }
        guard rest.isEmpty else { return nil }
        guard let local = validated(year, month, day, hour, minute, second) else { return nil }
        guard offsetSeconds != 0 else { return local }
        let utc = fromEpochSeconds(local.epochSeconds - Int64(offsetSeconds))
        return (1753...9999).contains(utc.year) ? utc : nil
    }

    private static func parseMarketingCloud(_ text: String) -> DateTimeValue? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...3).contains(words.count) else { return nil }
        let dateParts = words[0].split(separator: "/", omittingEmptySubsequences: false)
        guard dateParts.count == 3, (1...2).contains(dateParts[0].count), (1...2).contains(dateParts[1].count),
            dateParts[2].count == 4,
            let month = number(dateParts[0]), let day = number(dateParts[1]), let year = number(dateParts[2])
        else { return nil }
        var hour = 0, minute = 0, second = 0
        if words.count >= 2 {
            let timeParts = words[1].split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(timeParts.count), timeParts.dropFirst().allSatisfy({ $0.count == 2 }),
                let h = number(timeParts[0]), let m = number(timeParts[1])
            else { return nil }
            (hour, minute) = (h, m)
            if timeParts.count == 3 {
                guard let s = number(timeParts[2]) else { return nil }
                second = s
            }
            if words.count == 3 {
                let meridiem = words[2].uppercased()
                guard meridiem == "AM" || meridiem == "PM", (1...12).contains(hour) else { return nil }
                hour = hour % 12 + (meridiem == "PM" ? 12 : 0)
            }
        }
        return validated(year, month, day, hour, minute, second)
    }

    private static func number<C: Collection<Character>>(_ chars: C) -> Int? {
        guard !chars.isEmpty, chars.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(String(chars))
    }

    private static func validated(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int)
        -> DateTimeValue?
    {
        guard (1753...9999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        return DateTimeValue(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // MARK: Epoch arithmetic (Howard Hinnant's days-from-civil), used only to apply UTC offsets.

    var epochSeconds: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    static func fromEpochSeconds(_ seconds: Int64) -> DateTimeValue {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return DateTimeValue(
            year: year, month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60)
    }
}
