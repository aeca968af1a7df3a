/// Why a value does not fit a field: the rule it breaks.
public enum ValueProblem: Error, Sendable, Hashable {
    case required
    case tooLong(maximum: Int, actual: Int)
    case notAnEmailAddress
    case notAWholeNumber
    case outOfRange(minimum: Int64, maximum: Int64)
    case notADecimal
    case tooManyDecimalPlaces(scale: Int)
    case tooManyDigits(precision: Int, scale: Int)
    case notADate
    case notABoolean
    case notALocale
    /// Text holding a NUL character: SQLite would keep only what comes before it.
    case holdsNUL
}

extension ValueProblem: CustomStringConvertible {
    /// The rule in words, completing "the value ... ".
    public var description: String {
        switch self {
        case .required: "is required"
        case .tooLong(let maximum, let actual): "is \(actual) characters long; the most allowed is \(maximum)"
        case .notAnEmailAddress: "is not a valid email address"
        case .notAWholeNumber: "is not a whole number"
        case .outOfRange(let minimum, let maximum): "is outside \(minimum)…\(maximum)"
        case .notADecimal: "is not a decimal number"
        case .tooManyDecimalPlaces(let scale): "has more than \(scale) decimal place\(scale == 1 ? "" : "s")"
        case .tooManyDigits(let precision, let scale):
            "has more than \(precision - scale) digit\(precision - scale == 1 ? "" : "s") before the decimal point (Decimal(\(precision),\(scale)))"
        case .notADate: "is not a date (use 2024-06-23, 2024-06-23T14:30:00Z or 6/23/2024 2:30:00 PM)"
        case .notABoolean: "is not a boolean (use True, False, 1, 0, yes or no)"
        case .notALocale: "is not a locale (use a code such as en or en-US)"
        case .holdsNUL: "contains a NUL character, which cannot be stored"
        }
    }
}
