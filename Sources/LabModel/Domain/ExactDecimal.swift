/// A decimal number held as an integer count of 10^-scale units, so `0.10` stays `0.10`:
/// no value ever passes through a binary floating-point type.
public struct ExactDecimal: Sendable, Hashable, Comparable {
    /// The value times 10^scale.
    public let units: Int64
    public let scale: Int

    public init(units: Int64, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// Parses `-12.5`, `+3`, `.25` for a field of the given precision and scale.
    /// Fewer fraction digits than the scale are padded; more are refused rather than rounded.
    public init(parsing text: String, precision: Int, scale: Int) throws(ValueProblem) {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty),
            whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit)
        else { throw .notADecimal }
        let significantWhole = whole.drop { $0 == "0" }
        let significantFraction = fraction.reversed().drop { $0 == "0" }
        guard significantFraction.count <= scale else { throw .tooManyDecimalPlaces(scale: scale) }
        guard significantWhole.count <= precision - scale else {
            throw .tooManyDigits(precision: precision, scale: scale)
        }
        let paddedFraction =
            String(significantFraction.reversed()) + String(repeating: "0", count: scale - significantFraction.count)
        // precision <= 18 keeps every value inside Int64.
        let magnitude = Int64(String(significantWhole) + paddedFraction) ?? 0
        self.units = negative ? -magnitude : magnitude
        self.scale = scale
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { lhs.units < rhs.units }
}

extension ExactDecimal: CustomStringConvertible {
    /// Always `scale` fraction digits: `Decimal(18,2)` shows `0.10`.
    public var description: String {
        let magnitude = String(units.magnitude)
        let sign = units < 0 ? "-" : ""
        guard scale > 0 else { return sign + magnitude }
        let padded = String(repeating: "0", count: max(0, scale + 1 - magnitude.count)) + magnitude
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<split] + "." + padded[split...]
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
