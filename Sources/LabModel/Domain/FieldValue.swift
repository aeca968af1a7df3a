/// A value stored in a data extension field, already checked against the field's type.
public enum FieldValue: Sendable, Hashable {
    case null
    case text(String)
    case number(Int32)
    case decimal(ExactDecimal)
    case date(DateTimeValue)
    case boolean(Bool)

    public var isNull: Bool { self == .null }

    /// The value as Marketing Cloud shows it: `True`, `0.10`, `6/23/2024 12:00:00 AM`; null is empty.
    public var displayText: String {
        switch self {
        case .null: ""
        case .text(let text): text
        case .number(let number): String(number)
        case .decimal(let decimal): decimal.description
        case .date(let date): date.marketingCloudText
        case .boolean(let flag): flag ? "True" : "False"
        }
    }
}

extension Field {
    /// Checks typed text against this field's type and length.
    /// Empty text (after trimming, for non-text types) means null.
    public func value(from text: String) throws(ValueProblem) -> FieldValue {
        // Bound as C text, a value would end at its first NUL: what follows would be lost.
        guard !text.utf8.contains(0) else { throw .holdsNUL }
        let trimmed = type == .text ? text : TextScanning.trimmed(text)
        if trimmed.isEmpty {
            if isRequired { throw .required }
            return .null
        }
        switch type {
        case .text:
            try checkLength(of: text)
            return .text(text)
        case .emailAddress:
            try checkLength(of: trimmed)
            guard EmailSyntax.isValid(trimmed) else { throw .notAnEmailAddress }
            return .text(trimmed)
        case .phone:
            try checkLength(of: trimmed)
            return .text(trimmed)
        case .locale:
            try checkLength(of: trimmed)
            guard Self.isLocaleCode(trimmed) else { throw .notALocale }
            return .text(trimmed)
        case .number:
            guard let wide = Int64(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed) else {
                throw .notAWholeNumber
            }
            guard let number = Int32(exactly: wide) else {
                throw .outOfRange(minimum: Int64(Int32.min), maximum: Int64(Int32.max))
            }
            return .number(number)
        case .decimal(let precision, let scale):
            return .decimal(try ExactDecimal(parsing: trimmed, precision: precision, scale: scale))
        case .date:
            return .date(try DateTimeValue(parsing: trimmed))
        case .boolean:
            for word in ["true", "1", "yes"] where TextScanning.equals(trimmed, lowercaseWord: word) { return .boolean(true) }
            for word in ["false", "0", "no"] where TextScanning.equals(trimmed, lowercaseWord: word) { return .boolean(false) }
            throw .notABoolean
        }
    }

    /// A value to compare this field with in a filter: typed like the field, but neither
    /// required nor limited in length (a filter may name any text).
    public func conditionValue(from text: String) throws(ValueProblem) -> FieldValue {
        var comparable = self
        comparable.isRequired = false
        comparable.length = nil
        return try comparable.value(from: text)
    }

    private func checkLength(of text: String) throws(ValueProblem) {
        if let length, let actual = TextScanning.exceeds(text, limit: length) { throw .tooLong(maximum: length, actual: actual) }
    }

    private static func isLocaleCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count)
            && parts.allSatisfy { (2...3).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isLetter } }
    }
}
