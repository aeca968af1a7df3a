import Foundation
import HTTPTypes
import LabJSON
import LabModel

/// A request as route handlers see it: the path already normalized, the body read whole.
struct EmulatorRequest: Sendable {
    let method: HTTPRequest.Method
    let path: String
    /// Query parameters by lower-cased name.
    let query: [String: String]
    let headers: HTTPFields
    /// The `Host` the client addressed (`127.0.0.1:7444`).
    var authority: String? = nil
    let body: Data
    /// The caller's token grant, on routes that need one.
    var grant: TokenStore.Grant?
    /// Path captures by name (`{key}`).
    var captures: [String: String] = [:]

    /// The body as JSON. Text holding a NUL character is refused wherever it sits: SQLite
    /// would keep only what comes before it.
    func json() throws -> JSONValue {
        guard !body.isEmpty else { throw APIError.malformed }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body)
        } catch {
            throw APIError.malformed
        }
        if let place = value.placeOfNUL { throw InputRefusal.nulCharacter(place: place) }
        return value
    }

    /// The body as a JSON object, as every route but the rowsets reads it: a list or a scalar
    /// (`[null,null]`) is refused rather than read as an object without members.
    func jsonObject() throws -> JSONValue {
        try json().asObject(at: "The body")
    }

    /// The body as a JSON object, or as an HTML form (`a=1&b=2`) when it says so and is not
    /// JSON (`curl -d '{…}'` labels JSON as a form). Form names and values are decoded first,
    /// then checked like JSON text; a name sent twice keeps its last value.
    func jsonOrForm() throws -> JSONValue {
        let saysForm = headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
        let looksLikeJSON = body.first { !$0.isASCIIWhitespace } == UInt8(ascii: "{")
        guard saysForm && !looksLikeJSON else { return try jsonObject() }
        var fields: [String: JSONValue] = [:]
        for (name, value) in FormFields.decode(String(decoding: body, as: UTF8.self)) {
            guard !name.utf8.contains(0) else { throw InputRefusal.nulCharacter(place: "A form field name") }
            guard !value.utf8.contains(0) else { throw InputRefusal.nulCharacter(place: "Form field \(name)") }
            fields[name] = .string(value)
        }
        return .object(fields)
    }
}

struct EmulatorResponse: Sendable {
    var status: HTTPResponse.Status
    /// Nil: an empty body (the few calls Marketing Cloud answers with nothing, e.g. stopping a journey).
    var body: JSONValue?
    var headers: HTTPFields = [:]
}

/// A method and path pattern (`/hub/v1/dataevents/key:{key}/rowset`), the operation a token
/// must allow (nil: no token needed), and the handler.
struct Route: Sendable {
    enum Handler: Sendable {
        /// Calls the workspace, whose SQLite calls block: run off Swift's cooperative threads
        /// (see `Emulator.handle`).
        case blocking(@Sendable (EmulatorRequest) throws -> EmulatorResponse)
        /// Never blocks a thread: it only computes, or suspends while a commit is made.
        case suspending(@Sendable (EmulatorRequest) async throws -> EmulatorResponse)
    }

    /// A pattern's segment, its literal text lower-cased for matching.
    private enum Part: Sendable {
        case literal([UInt8])
        case capture(prefix: [UInt8], name: String)
    }

    let method: HTTPRequest.Method
    let pattern: [String]
    let operation: APIOperation?
    let handler: Handler
    /// How the model errors its handler throws are answered: its family's, set when the
    /// emulator builds its table (`RouteFamily.routesInDialect`).
    var refusals = RefusalDialect.standard
    private let parts: [Part]

    init(_ method: HTTPRequest.Method, _ pattern: String, operation: APIOperation?, handler: Handler) {
        self.method = method
        self.pattern = pattern.split(separator: "/").map(String.init)
        self.operation = operation
        self.handler = handler
        parts = self.pattern.map { part in
            guard let open = part.firstIndex(of: "{") else { return .literal(Array(part.lowercased().utf8)) }
            return .capture(
                prefix: Array(part[..<open].lowercased().utf8), name: String(part[part.index(after: open)...].dropLast()))
        }
    }

    init(
        _ method: HTTPRequest.Method, _ pattern: String, operation: APIOperation?,
        _ handler: @escaping @Sendable (EmulatorRequest) throws -> EmulatorResponse
    ) {
        self.init(method, pattern, operation: operation, handler: .blocking(handler))
    }

    /// The captures when `segments` fit the pattern; literal parts match case-insensitively.
    func match(_ segments: [Substring]) -> [String: String]? {
        guard segments.count == parts.count else { return nil }
        var captures: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch part {
            case .literal(let text):
                guard segment.utf8.count == text.count, Self.startsCaseInsensitively(segment, with: text) else { return nil }
            case .capture(let prefix, let name):
                guard Self.startsCaseInsensitively(segment, with: prefix) else { return nil }
                let value = String(segment.utf8.dropFirst(prefix.count))!
                captures[name] = value.removingPercentEncoding ?? value
                // Values that are lists (`k1:v1,k2:v2`) are split before they are decoded.
                captures["raw " + name] = value
            }
        }
        return captures
    }

    /// Whether `segment` starts with `lowercased`, ASCII letters compared case-insensitively.
    private static func startsCaseInsensitively(_ segment: Substring, with lowercased: [UInt8]) -> Bool {
        var bytes = segment.utf8.makeIterator()
        for expected in lowercased {
            guard let byte = bytes.next() else { return false }
            let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            guard folded == expected else { return false }
        }
        return true
    }
}

extension String {
    /// `key:member-updates` → `member-updates`: a path segment naming something by its key
    /// rather than its id; nil for an id.
    var keyAddress: String? {
        lowercased().hasPrefix("key:") ? String(dropFirst(4)) : nil
    }

    /// `//hub//v1/x/` → `/hub/v1/x`: real SDKs join base URLs and paths with doubled slashes.
    var normalizedPath: String {
        // Most paths are already so; splitting every one showed in a request's cost.
        if hasPrefix("/") && !hasSuffix("/") && !hasDoubledSlash { return self }
        return "/" + split(separator: "/").joined(separator: "/")
    }
}

extension String {
    /// A byte scan: `contains("//")` went through Foundation's string search.
    fileprivate var hasDoubledSlash: Bool {
        var afterSlash = false
        for byte in utf8 {
            let isSlash = byte == UInt8(ascii: "/")
            if isSlash && afterSlash { return true }
            afterSlash = isSlash
        }
        return false
    }
}

extension UInt8 {
    fileprivate var isASCIIWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
