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
        // Each part with its width and the character before it.
        let parts: [(value: Int, width: Int, separator: UInt8?)] = [
            (time.year, 4, nil), (time.month, 2, UInt8(ascii: "-")), (time.day, 2, UInt8(ascii: "-")),
            (time.hour, 2, UInt8(ascii: " ")), (time.minute, 2, UInt8(ascii: ":")), (time.second, 2, UInt8(ascii: ":")),
            (Int(whole - seconds * 1000), 3, UInt8(ascii: ".")),
        ]
        var text: [UInt8] = []
        text.reserveCapacity(23)
        for part in parts {
            if let separator = part.separator { text.append(separator) }
            var divisor = 1
            for _ in 1..<part.width { divisor *= 10 }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(part.value / divisor % 10))
                divisor /= 10
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
