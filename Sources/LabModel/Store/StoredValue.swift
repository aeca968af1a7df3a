import GRDB

/// How field values are stored in row-table columns: numbers and booleans as integers,
/// decimals as an integer count of 10^-scale units, dates as sortable `yyyy-MM-dd HH:mm:ss` text.
extension FieldValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .text(let text): text.databaseValue
        case .number(let number): Int64(number).databaseValue
        case .decimal(let decimal): decimal.units.databaseValue
        case .date(let date): date.storageText.databaseValue
        case .boolean(let flag): (flag ? 1 : 0).databaseValue
        }
    }

    init(databaseValue: DatabaseValue, type: FieldType) {
        switch (databaseValue.storage, type) {
        case (.null, _): self = .null
        case (.int64(let number), .number): self = .number(Int32(truncatingIfNeeded: number))
        case (.int64(let units), .decimal(_, let scale)): self = .decimal(ExactDecimal(units: units, scale: scale))
        case (.int64(let flag), .boolean): self = .boolean(flag != 0)
        case (.string(let text), .date): self = (try? DateTimeValue(parsing: text)).map(FieldValue.date) ?? .null
        case (.string(let text), _): self = .text(text)
        case (.int64(let number), _): self = .text(String(number))
        case (.double(let number), _): self = .text(String(number))
        case (.blob, _): self = .null
        }
    }
}

extension FieldType {
    /// The SQLite column definition; text compares case-insensitively, as Marketing Cloud does.
    var columnDefinition: String {
        switch self {
        case .text, .emailAddress, .phone, .locale: "TEXT COLLATE NOCASE"
        case .date: "TEXT"
        case .number, .decimal, .boolean: "INTEGER"
        }
    }
}
