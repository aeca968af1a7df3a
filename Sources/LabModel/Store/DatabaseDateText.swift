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
        var text: [UInt8] = []
        text.reserveCapacity(23)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(time.year, 4)
        text.append(UInt8(ascii: "-"))
        digits(time.month, 2)
        text.append(UInt8(ascii: "-"))
        digits(time.day, 2)
        text.append(UInt8(ascii: " "))
        digits(time.hour, 2)
        text.append(UInt8(ascii: ":"))
        digits(time.minute, 2)
        text.append(UInt8(ascii: ":"))
        digits(time.second, 2)
        text.append(UInt8(ascii: "."))
        digits(Int(whole - seconds * 1000), 3)
        return String(decoding: text, as: UTF8.self)
    }
}
