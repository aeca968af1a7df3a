import Foundation
import HTTPTypes
import LabJSON
import LabModel

/// Data extension definitions (`/data/v1/customobjects`): list, read, fields, create, change.
struct DataExtensionRoutes: RouteFamily {
    static let refusals = RefusalDialect.standard
    unowned let emulator: Emulator

    var routes: [Route] {
        [
            Route(.get, "/data/v1/customobjects", operation: .readDataExtensions) { try list($0) },
            Route(.post, "/data/v1/customobjects", operation: .writeDataExtensions) { try create($0) },
            Route(.get, "/data/v1/customobjects/{id}", operation: .readDataExtensions) { try read($0) },
            Route(.patch, "/data/v1/customobjects/{id}", operation: .writeDataExtensions) { try change($0) },
            Route(.get, "/data/v1/customobjects/{id}/fields", operation: .readDataExtensions) { try fields($0) },
        ]
    }

    private var workspace: Workspace { emulator.workspace }

    /// `$search` matches names and keys (any case); without it every data extension is listed.
    func list(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let search = request.query["$search"]?.lowercased() ?? ""
        let matching = try workspace.dataExtensions().filter {
            search.isEmpty || $0.name.lowercased().contains(search) || $0.externalKey.lowercased().contains(search)
        }
        let pageSize = try request.pageSize(maximum: 2500)
        let page = try request.pageNumber()
        let items = matching.dropFirst((page - 1) * pageSize).prefix(pageSize).map(Self.definition)
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "count": .number(matching.count), "page": .number(page), "pageSize": .number(pageSize), "links": .object([:]),
                "items": .array(Array(items)),
            ]))
    }

    func read(_ request: EmulatorRequest) throws -> EmulatorResponse {
        EmulatorResponse(status: .ok, body: Self.definition(try dataExtension(request)))
    }

    /// `{"id": <DE id>, "fields": [...]}` with each field's GUID, as journeys name fields by it.
    func fields(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let de = try dataExtension(request)
        return EmulatorResponse(
            status: .ok,
            body: .object([
                "id": .string(de.id.storageText), "fields": .array(de.fields.enumerated().map(Self.field)),
            ]))
    }

    /// Segment's body: `name`, `key`, `description`, `isSendable`, `sendableCustomObjectField`,
    /// `fields[]` with `type`, `length` (or `maxLength`), `scale`, `isNullable`, `isPrimaryKey`.
    func create(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let body = try request.jsonObject()
        guard let name = try body.nonEmptyString("name") else { throw APIError.badRequest("name is required.") }
        let sent = try (body.list("fields") ?? []).enumerated().map { index, field in
            let path = "fields[\(index)]"
            return (
                field: try field.asObject(at: path), path: path,
                ordinal: Int(try field.scalar("ordinal", at: path) ?? "") ?? index
            )
        }
        let fields = try sent.sorted { $0.ordinal < $1.ordinal }.map { try Self.parseField($0.field, at: $0.path) }
        let sendable = try body.flag("isSendable") == true
        let draft = DataExtensionDraft(
            name: name, externalKey: try body.nonEmptyString("key") ?? body.nonEmptyString("customerKey"),
            description: try body.stringMember("description") ?? "", fields: fields,
            sendableFieldName: sendable ? try body.nonEmptyString("sendableCustomObjectField") : nil)
        if sendable && draft.sendableFieldName == nil {
            throw APIError.badRequest("A sendable data extension needs sendableCustomObjectField.")
        }
        let de = try workspace.createDataExtension(draft)
        var created = Self.definition(de)
        if case .object(var fields) = created {
            fields["fields"] = .array(de.fields.enumerated().map(Self.field))
            created = .object(fields)
        }
        return EmulatorResponse(status: .created, body: created)
    }

    /// Name, key, description, and sendable on or off.
    func change(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let de = try dataExtension(request)
        let body = try request.jsonObject()
        let name = try body.nonEmptyString("name")
        let key = try body.nonEmptyString("key")
        let description = try body.stringMember("description")
        let sendableField = try body.nonEmptyString("sendableCustomObjectField")
        let sendable = try body.flag("isSendable")
        if name != nil || key != nil || description != nil {
            try workspace.editDataExtension(.id(de.id), name: name, externalKey: key, description: description)
        }
        switch sendable {
        case true?:
            guard let field = sendableField ?? de.sendableField?.name else {
                throw APIError.badRequest("A sendable data extension needs sendableCustomObjectField.")
            }
            try workspace.makeSendable(.id(de.id), relating: field)
        case false?: try workspace.makeNotSendable(.id(de.id))
        case nil: break
        }
        return EmulatorResponse(status: .ok, body: Self.definition(try workspace.dataExtension(.id(de.id))))
    }

    private func dataExtension(_ request: EmulatorRequest) throws -> DataExtension {
        let id = request.captures["id"] ?? ""
        guard let uuid = UUID(uuidString: id), let de = try workspace.existingDataExtension(.id(uuid)) else {
            throw APIError.envelope(.notFound, "Data extension \(id) was not found.", code: 10001)
        }
        return de
    }

    static func definition(_ de: DataExtension) -> JSONValue {
        var fields: [String: JSONValue] = [
            "id": .string(de.id.storageText), "key": .string(de.externalKey), "name": .string(de.name),
            "description": .string(de.description), "isSendable": .bool(de.isSendable), "isTestable": .bool(false),
            "categoryId": .number(0), "rowCount": .number(de.rowCount), "fieldCount": .number(de.fields.count),
        ]
        if let sendable = de.sendableField {
            fields["sendableCustomObjectField"] = .string(sendable.name)
            fields["sendableSubscriberField"] = .string("_SubscriberKey")
        }
        return .object(fields)
    }

    static func field(_ ordinal: Int, _ field: Field) -> JSONValue {
        var length: Int? = field.length
        var scale = 0
        if case .decimal(let precision, let fieldScale) = field.type { (length, scale) = (precision, fieldScale) }
        var fields: [String: JSONValue] = [
            "id": .string(field.id.storageText), "name": .string(field.name), "type": .string(field.type.name),
            "isNullable": .bool(!field.isRequired), "isPrimaryKey": .bool(field.isPrimaryKey), "ordinal": .number(ordinal),
            "scale": .number(scale), "isReadOnly": .bool(field.isSystem), "isHidden": .bool(false),
        ]
        if let length { fields["length"] = .number(length) }
        if let value = field.defaultValue { fields["defaultValue"] = .string(value) }
        return .object(fields)
    }

    /// A field as clients send it; `maxLength` may be a string (event-definition schemas send one).
    static func parseField(_ json: JSONValue, at path: String) throws -> Field {
        guard let name = try json.nonEmptyString("name", at: path) else { throw APIError.badRequest("Each field needs a name.") }
        let typeName = try json.nonEmptyString("type", at: path) ?? "Text"
        let length = try (json.nonEmptyScalar("length", at: path) ?? json.nonEmptyScalar("maxLength", at: path)).flatMap {
            Int($0)
        }
        let scale = try json.nonEmptyScalar("scale", at: path).flatMap { Int($0) }
        guard let type = FieldType(name: typeName, precision: length, scale: scale) else {
            throw APIError.badRequest(
                "Field \(name) has an unknown type \(typeName): use Text, Number, Date, Boolean, EmailAddress, Phone, Decimal or Locale."
            )
        }
        let isPrimaryKey = try json.flag("isPrimaryKey", at: path) == true
        let isNullable = try json.flag("isNullable", at: path) ?? !isPrimaryKey
        return Field(
            name: name, type: type, isPrimaryKey: isPrimaryKey, isRequired: !isNullable,
            length: type.hasLength ? length : nil, defaultValue: try json.nonEmptyScalar("defaultValue", at: path))
    }
}
