import Foundation

/// Dates as Marketing Cloud writes them in journey, automation and rowset JSON: ISO 8601 without a zone.
enum MarketingCloudDate {
    static let none = "0001-01-01T00:00:00"

    /// To the nearest millisecond, which a client sends back as `modifiedDate` (Foundation's
    /// formatter truncates, and most milliseconds are not exact in binary).
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let whole = seconds - (fraction < 0 ? 1 : 0)
        let parts = utc.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(whole)))
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
            parts.second!, Int((fraction + 1000) % 1000))
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Reads what `text` writes and what Marketing Cloud sends: `2024-05-04T17:25:57.9`, with
    /// 0–7 fraction digits, read as UTC unless a `Z` or `±hh:mm` follows.
    static func date(from text: String) -> Date? {
        let pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:?\d{2})?$/
        guard let match = text.trimmingCharacters(in: .whitespaces).wholeMatch(of: pattern) else { return nil }
        var components = DateComponents(
            year: Int(match.1), month: Int(match.2), day: Int(match.3), hour: Int(match.4), minute: Int(match.5),
            second: Int(match.6))
        var calendar = utc
        if let zone = match.8, zone != "Z" {
            let digits = zone.dropFirst().filter(\.isNumber)
            guard let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)), minutes < 60,
                let offset = TimeZone(secondsFromGMT: (zone.hasPrefix("-") ? -1 : 1) * (hours * 60 + minutes) * 60)
            else { return nil }
            calendar.timeZone = offset
        }
        components.calendar = calendar
        guard let whole = calendar.date(from: components) else { return nil }
        let fraction = match.7.map { Double("0." + $0)! } ?? 0
        return whole.addingTimeInterval(fraction)
    }
}
