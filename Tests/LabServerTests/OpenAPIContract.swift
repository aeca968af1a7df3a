import Foundation
import LabJSON

@testable import LabServer

/// The emulator's OpenAPI document (Sources/LabServer/openapi.json) as the HTTP tests hold the
/// server to it: every reply they see must have a documented status and a body that fits the
/// documented schema. The schema keywords the document may use are the ones checked here;
/// any other is reported, so the document cannot say more than is checked.
struct OpenAPIContract: Sendable {
    let document: JSONValue

    static let shipped: OpenAPIContract = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/LabServer/openapi.json")
        let data = (try? Data(contentsOf: file)) ?? Data()
        return OpenAPIContract(document: (try? JSONValue(parsing: data)) ?? .object([:]))
    }()

    static let descriptiveKeywords: Set<String> = ["description", "example", "format", "title"]
    static let checkedKeywords: Set<String> = [
        "type", "nullable", "properties", "required", "additionalProperties", "items", "enum", "oneOf", "anyOf", "allOf",
        "$ref", "minimum", "minLength",
    ]

    /// Every `METHOD /template` the document describes.
    var operations: Set<String> {
        var found = Set<String>()
        for (template, item) in document.object?["paths"]?.object ?? [:] {
            for method in (item.object ?? [:]).keys where Self.methods.contains(method) {
                found.insert("\(method.uppercased()) \(template)")
            }
        }
        return found
    }

    static let methods: Set<String> = ["get", "post", "put", "patch", "delete"]

    /// The most specific template that a concrete path falls under (literal parts ignore case,
    /// `key:{key}` needs its prefix), as the router matches them.
    func template(for path: String, method: String) -> (template: String, operation: JSONValue)? {
        let segments = path.split(separator: "/")
        var best: (template: String, operation: JSONValue, literal: Int)?
        var tied = false
        for (template, item) in (document.object?["paths"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let operation = item.object?[method.lowercased()] else { continue }
            let parts = template.split(separator: "/")
            guard parts.count == segments.count else { continue }
            var literal = 0
            let fits = zip(parts, segments).allSatisfy { part, segment in
                if let open = part.firstIndex(of: "{"), let close = part.firstIndex(of: "}") {
                    let (prefix, suffix) = (part[..<open], part[part.index(after: close)...])
                    literal += prefix.count + suffix.count
                    return segment.count > prefix.count + suffix.count
                        && segment.prefix(prefix.count).lowercased() == prefix.lowercased()
                        && segment.suffix(suffix.count).lowercased() == suffix.lowercased()
                }
                literal += part.count
                return part.lowercased() == segment.lowercased()
            }
            guard fits else { continue }
            if literal == best?.literal { tied = true }
            if literal > (best?.literal ?? -1) { (best, tied) = ((template, operation, literal), false) }
        }
        // Two templates fitting a path equally well: the document is ambiguous.
        return tied ? nil : best.map { ($0.template, $0.operation) }
    }

    /// What is wrong with a reply, per the document; empty when it conforms.
    func problems(method: String, path: String, status: Int, body: String) -> [String] {
        let bare = String(path.split(separator: "?", maxSplits: 1).first ?? "")
        guard let (template, operation) = template(for: bare, method: method) else {
            // A documented path asked with another method: 405. No such path: the plain 404.
            let answered = ["GET", "POST", "PUT", "PATCH", "DELETE"].contains { template(for: bare, method: $0) != nil }
            let expected = answered ? 405 : 404
            return status == expected
                ? [] : ["\(method) \(bare): no documented route, yet the server answered \(status), not \(expected)"]
        }
        let place = "\(method) \(template) → \(status)"
        let responses = operation.object?["responses"]?.object ?? [:]
        guard let response = responses[String(status)] ?? responses["default"] else {
            return ["\(place): status not documented"]
        }
        let schema = response.object?["content"]?.object?["application/json"]?.object?["schema"]
        if body.isEmpty {
            return schema == nil ? [] : ["\(place): empty body, the document describes one"]
        }
        guard let schema else { return ["\(place): a body the document does not describe: \(body.prefix(200))"] }
        guard let value = try? JSONValue(parsing: Data(body.utf8)) else { return ["\(place): the body is not JSON"] }
        return validate(value, against: schema, at: "\(place) body")
    }

    /// Every schema in the document that uses a keyword, a `type` or a `$ref` the checker does
    /// not check — which would make a reply pass for less than the document says.
    func uncheckedSchemaParts() -> [String] {
        var found: [String] = []
        func walk(_ value: JSONValue, at location: String, isSchema: Bool) {
            switch value {
            case .object(let fields):
                if isSchema {
                    for key in fields.keys where !Self.checkedKeywords.contains(key) && !Self.descriptiveKeywords.contains(key) {
                        found.append("\(location): \(key)")
                    }
                    if let type = fields["type"], !(type.text.map(Self.types.contains) ?? false) || type.object != nil {
                        found.append("\(location): type \(type.serialized)")
                    }
                    if let reference = fields["$ref"], !(reference.text ?? "").hasPrefix("#/components/schemas/") {
                        found.append("\(location): $ref \(reference.serialized)")
                    }
                    for (key, child) in fields {
                        switch key {
                        case "properties": child.object?.forEach { walk($0.value, at: "\(location).\($0.key)", isSchema: true) }
                        case "items", "additionalProperties": walk(child, at: "\(location).\(key)", isSchema: child.object != nil)
                        case "oneOf", "anyOf", "allOf":
                            child.array?.enumerated().forEach { walk($1, at: "\(location).\(key)[\($0)]", isSchema: true) }
                        default: break
                        }
                    }
                } else {
                    for (key, child) in fields { walk(child, at: "\(location)/\(key)", isSchema: key == "schema") }
                }
            case .array(let items):
                for (index, item) in items.enumerated() { walk(item, at: "\(location)[\(index)]", isSchema: false) }
            default: break
            }
        }
        walk(document.object?["paths"] ?? .null, at: "paths", isSchema: false)
        for (name, schema) in document.object?["components"]?.object?["schemas"]?.object ?? [:] {
            walk(schema, at: "components.schemas.\(name)", isSchema: true)
        }
        return found
    }

    static let types: Set<String> = ["string", "number", "integer", "boolean", "object", "array"]

    /// JSON Schema, the subset the document may use.
    func validate(_ value: JSONValue, against schema: JSONValue, at location: String) -> [String] {
        guard let rules = schema.object else { return ["\(location): the schema is not an object"] }
        var problems: [String] = []
        for keyword in rules.keys where !Self.checkedKeywords.contains(keyword) && !Self.descriptiveKeywords.contains(keyword) {
            problems.append("\(location): the document uses \"\(keyword)\", which is not checked")
        }
        if case .string(let reference) = rules["$ref"] {
            let name = reference.replacingOccurrences(of: "#/components/schemas/", with: "")
            guard let target = document.object?["components"]?.object?["schemas"]?.object?[name] else {
                return problems + ["\(location): $ref \(reference) not found"]
            }
            return problems + validate(value, against: target, at: location)
        }
        if value == .null, rules["nullable"] == .bool(true) { return problems }
        if case .string(let type) = rules["type"], !Self.value(value, hasType: type) {
            return problems + ["\(location): expected \(type), got \(value.serialized.prefix(120))"]
        }
        if case .array(let options) = rules["enum"], !options.contains(where: { Self.same($0, value) }) {
            problems.append("\(location): \(value.serialized.prefix(80)) is not one of \(JSONValue.array(options).serialized)")
        }
        if case .number(let bound) = rules["minimum"], case .number(let text) = value, let number = Double(text),
            let minimum = Double(bound), number < minimum
        {
            problems.append("\(location): \(text) is less than the minimum \(bound)")
        }
        if case .number(let bound) = rules["minLength"], case .string(let text) = value, let minimum = Int(bound),
            text.count < minimum
        {
            problems.append("\(location): \"\(text.prefix(80))\" is shorter than \(bound) characters")
        }
        if case .array(let all) = rules["allOf"] {
            for (index, part) in all.enumerated() {
                problems += validate(value, against: part, at: "\(location) allOf[\(index)]")
            }
        }
        if case .array(let any) = rules["anyOf"], !any.contains(where: { validate(value, against: $0, at: location).isEmpty }) {
            problems.append("\(location): fits none of anyOf: \(value.serialized.prefix(160))")
        }
        if case .array(let one) = rules["oneOf"] {
            let fitting = one.filter { validate(value, against: $0, at: location).isEmpty }.count
            if fitting != 1 {
                problems.append("\(location): fits \(fitting) of oneOf, not exactly one: \(value.serialized.prefix(160))")
            }
        }
        if case .object(let fields) = value {
            let properties = rules["properties"]?.object ?? [:]
            for case .string(let name) in rules["required"]?.array ?? [] where fields[name] == nil {
                problems.append("\(location): \"\(name)\" is required")
            }
            for (name, field) in fields {
                if let property = properties[name] {
                    problems += validate(field, against: property, at: "\(location).\(name)")
                } else if rules["additionalProperties"] == .bool(false) {
                    problems.append("\(location): \"\(name)\" is not a documented property")
                } else if let extra = rules["additionalProperties"], extra.object != nil {
                    problems += validate(field, against: extra, at: "\(location).\(name)")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = rules["items"] {
            for (index, item) in items.enumerated() {
                problems += validate(item, against: itemSchema, at: "\(location)[\(index)]")
            }
        }
        return problems
    }

    private static func value(_ value: JSONValue, hasType type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("object", .object), ("array", .array), ("number", .number): true
        case ("integer", .number(let text)): Double(text).map { $0 == $0.rounded() } ?? false
        default: false
        }
    }

    private static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if case .number(let x) = a, case .number(let y) = b { return Double(x) == Double(y) }
        return a == b
    }
}
