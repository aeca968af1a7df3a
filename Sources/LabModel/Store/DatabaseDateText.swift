import Foundation
import GRDB

extension Date {
    /// The text GRDB stores for a date — `yyyy-MM-dd HH:mm:ss.SSS` in UTC — written digit by
    /// digit. Binding a `Date` makes GRDB format it with a DateFormatter (ICU), which was a
    /// tenth of a fired event's cost. The millisecond is found as CoreFoundation finds it (to
    /// the nearest, by the same arithmetic), so both texts agree and compare alike in SQL.
    var databaseText: String {
        let milliseconds = ((timeIntervalSinceReferenceDate + 978_307_200) * 1000 + 0.5).rounded(.down)
        guard abs(milliseconds) < 253_402_300_800_000 else { return String.fromDatabaseValue(databaseValue) ?? "" }
        let whole = Int64(milliseconds)
        let seconds = whole >= 0 ? whole / 1000 : (whole - 999) / 1000
        let time = DateTimeValue.fromEpochSeconds(seconds)
        guard (0...9999).contains(time.year) else { return String.fromDatabaseValue(databaseValue) ?? "" }
        // Written into the string's own storage: an array of parts and one of bytes were two
        // allocations, and this text is written several times for every fired event.
        return String(unsafeUninitializedCapacity: 23) { text in
            var at = 0
            func put(_ value: Int, width: Int, after separator: UInt8?) {
                if let separator {
                    text[at] = separator
                    at += 1
                }
                var rest = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    text[at + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                at += width
            }
            put(time.year, width: 4, after: nil)
            put(time.month, width: 2, after: UInt8(ascii: "-"))
            put(time.day, width: 2, after: UInt8(ascii: "-"))
            put(time.hour, width: 2, after: UInt8(ascii: " "))
            put(time.minute, width: 2, after: UInt8(ascii: ":"))
            put(time.second, width: 2, after: UInt8(ascii: ":"))
            put(Int(whole - seconds * 1000), width: 3, after: UInt8(ascii: "."))
            return at
        }
    }
}
