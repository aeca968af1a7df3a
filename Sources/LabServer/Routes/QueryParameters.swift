import LabModel

/// Query parameters read by their type. A value that is not of its type is refused, as
/// Marketing Cloud refuses it, rather than read as if it were absent.
extension EmulatorRequest {
    /// `$page`, from 1; capped so `(page - 1) * pageSize` cannot overflow.
    func pageNumber() throws(APIError) -> Int {
        min(max(try integerParameter("$page") ?? 1, 1), 1_000_000)
    }

    /// `$pageSize`, `standard` when absent, kept within 1 and `maximum`.
    func pageSize(standard: Int = 50, maximum: Int) throws(APIError) -> Int {
        min(max(try integerParameter("$pageSize") ?? standard, 1), maximum)
    }

    /// A whole-number parameter, a 32-bit integer as the document says; nil when absent.
    func integerParameter(_ name: String) throws(APIError) -> Int? {
        guard let text = query[name.lowercased()] else { return nil }
        guard let value = Int32(text) else { throw Self.invalid(name) }
        return Int(value)
    }

    /// `true` or `false`, in any case; nil when absent.
    func booleanParameter(_ name: String) throws(APIError) -> Bool? {
        guard let text = query[name.lowercased()] else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw Self.invalid(name)
        }
    }

    private static func invalid(_ name: String) -> APIError {
        APIError.badRequest("Parameter \(name) is invalid.", code: 10001)
    }
}
