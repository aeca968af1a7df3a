import Foundation
import HTTPTypes
import LabJSON
import LabModel
import Synchronization

/// Data extension rows: the hub's synchronous upserts and the customobjectdata rowset reads.
struct RowRoutes: RouteFamily {
    static let refusals = RefusalDialect.rows
    unowned let emulator: Emulator

    var routes: [Route] {
        [
            Route(.post, "/hub/v1/dataevents/key:{key}/rowset", operation: .writeRows) { try upsertRows($0) },
            Route(.put, "/hub/v1/dataevents/key:{key}/rows/{keys}", operation: .writeRows) { try upsertRow($0) },
            // By the data extension's ObjectID instead of its external key.
            Route(.post, "/hub/v1/dataevents/{id}/rowset", operation: .writeRows) { try upsertRows($0) },
            Route(.put, "/hub/v1/dataevents/{id}/rows/{keys}", operation: .writeRows) { try upsertRow($0) },
            Route(.get, "/data/v1/customobjectdata/key/{key}/rowset", operation: .readRows) { try rowset($0) },
            Route(.get, "/data/v1/customobjectdata/token/{token}/rowset", operation: .readRows) { try continuedRowset($0) },
            Route(.get, "/data/v1/customobjectdata/{id}/rowset", operation: .readRows) { try rowset($0) },
            // `links.next` as Marketing Cloud writes it, without `/data`.
            Route(.get, "/v1/customobjectdata/token/{token}/rowset", operation: .readRows) { try continuedRowset($0) },
        ]
    }

    private var workspace: Workspace { emulator.workspace }

    /// A bare array of `{"keys":{…},"values":{…}}`, upserted by primary key; the array comes back
    /// as sent. As in Marketing Cloud, rows are saved in order up to the first refused one.
    func upsertRows(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let de = try emulator.dataExtension(addressedBy: request)
        let body = try request.json()
        guard let items = body.array else {
            throw APIError.badRequest("The body must be an array of {\"keys\", \"values\"} rows.")
        }
        let rows = try items.enumerated().map { index, item in
            let path = "[\(index)]"
            _ = try item.asObject(at: path)
            return try rowValues(
                keys: item.objectMember("keys", at: path)?.object ?? [:],
                values: item.objectMember("values", at: path)?.object ?? [:],
                in: de)
        }
        do {
            try workspace.upsertRecords(in: .id(de.id), rows: rows)
        } catch let failure as RecordBatchError {
            // Each row is whole: the ones before the refused row are saved, the rest are not.
            if failure.row > 0 { try workspace.upsertRecords(in: .id(de.id), rows: Array(rows[..<failure.row])) }
            throw APIError.rowsNotSaved(in: de.id, failure.error)
        }
        return EmulatorResponse(status: .ok, body: body)
    }

    /// `/rows/Email:someone@example.com` (or `k1:v1,k2:v2`) with `{"values":{…}}`.
    func upsertRow(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let de = try emulator.dataExtension(addressedBy: request)
        var keys: [String: JSONValue] = [:]
        for pair in (request.captures["raw keys"] ?? "").split(separator: ",") {
            let parts = pair.split(separator: ":", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            guard parts.count == 2 else {
                throw APIError.badRequest("Name the row as PrimaryKeyName:value (several joined with commas).")
            }
            keys[parts[0]] = .string(parts[1])
        }
        let values = try request.jsonObject().objectMember("values")?.object ?? [:]
        do {
            _ = try workspace.upsertRecord(in: .id(de.id), values: try rowValues(keys: keys, values: values, in: de))
        } catch let error as RecordError {
            throw APIError.rowsNotSaved(in: de.id, error)
        }
        return EmulatorResponse(status: .ok, body: .object(["keys": .object(keys), "values": .object(values)]))
    }

    /// One page of rows: names lower-cased, every value a string, `items` left out when empty.
    func rowset(_ request: EmulatorRequest) throws -> EmulatorResponse {
        let de = try emulator.dataExtension(addressedBy: request)
        let query = RowsetQuery(
            dataExtensionID: de.id, filter: try request.query["$filter"].map(Self.filter),
            sort: try request.query["$orderby"].map(Self.sort),
            pageSize: try request.pageSize(standard: 2500, maximum: 2500))
        let (token, expires) = emulator.rowsetTokens.remember(query)
        return try page(query, token: token, expires: expires, number: try request.pageNumber())
    }

    /// The same query by its token: `links.next` points here.
    func continuedRowset(_ request: EmulatorRequest) throws -> EmulatorResponse {
        guard let token = request.captures["token"], let (query, expires) = emulator.rowsetTokens.query(for: token) else {
            throw APIError.badRequest("The request token is unknown or has expired: read the rowset again.", code: 10001)
        }
        return try page(query, token: token, expires: expires, number: try request.pageNumber())
    }

    private func page(_ query: RowsetQuery, token: String, expires: Date, number: Int) throws -> EmulatorResponse {
        let de = try workspace.dataExtension(.id(query.dataExtensionID))
        let number = max(number, 1)
        let page = try workspace.rows(
            of: .id(de.id), offset: (number - 1) * query.pageSize, limit: query.pageSize, sortedBy: query.sort,
            matching: query.filter)
        let link = "/v1/customobjectdata/token/\(token)/rowset?$page="
        var links: [String: JSONValue] = ["self": .string(link + "\(number)")]
        if number * query.pageSize < page.total { links["next"] = .string(link + "\(number + 1)") }
        var body: [String: JSONValue] = [
            "links": .object(links), "requestToken": .string(token),
            "tokenExpireDateUtc": .string(MarketingCloudDate.text(expires)),
            "customObjectId": .string(de.id.storageText), "customObjectKey": .string(de.externalKey),
            "pageSize": .number(query.pageSize), "page": .number(number), "count": .number(page.total), "top": .number(0),
        ]
        if !page.records.isEmpty {
            body["items"] = .array(
                page.records.map { record in
                    var keys: [String: JSONValue] = [:]
                    var values: [String: JSONValue] = [:]
                    for field in de.fields {
                        let text = JSONValue.string(record[field].displayText)
                        if field.isPrimaryKey {
                            keys[field.name.lowercased()] = text
                        } else {
                            values[field.name.lowercased()] = text
                        }
                    }
                    return .object(["keys": .object(keys), "values": .object(values)])
                })
        }
        return EmulatorResponse(status: .ok, body: .object(body))
    }

    /// Keys then values as one row; a key that is not a primary-key field is refused as Marketing Cloud does.
    private func rowValues(keys: [String: JSONValue], values: [String: JSONValue], in de: DataExtension) throws(APIError)
        -> [String: String]
    {
        var row: [String: String] = [:]
        for (name, value) in keys {
            guard let field = de.field(named: name), field.isPrimaryKey else {
                throw APIError.badRequest("Primary key '\(name.lowercased())' does not exist.")
            }
            row[field.name] = value.text ?? ""
        }
        for (name, value) in values {
            guard let text = value.text else { throw APIError.badRequest("Column \(name) must be a single value.") }
            row[de.field(named: name)?.name ?? name] = text
        }
        return row
    }

    /// `$filter=Updated eq 'True'`; Marketing Cloud names the parameter in its refusal.
    private static func filter(_ text: String) throws(APIError) -> Filter {
        do {
            return try RESTFilterSyntax.parse(text)
        } catch {
            throw APIError.badRequest(
                "The $filter \"\(error.text)\" is not valid: \(error.reason). Use Field eq 'value', with and/or.", code: 10001)
        }
    }

    /// `$orderBy=LastName desc`.
    private static func sort(_ text: String) throws(APIError) -> RecordSort {
        let words = text.split(separator: " ").map(String.init)
        guard let field = words.first, words.count <= 2 else {
            throw APIError.badRequest("$orderBy takes one field and asc or desc.", code: 10001)
        }
        return RecordSort(field, ascending: words.count < 2 || words[1].lowercased() != "desc")
    }
}

/// A rowset read remembered for its continuation links.
struct RowsetQuery: Sendable {
    let dataExtensionID: UUID
    let filter: Filter?
    let sort: RecordSort?
    let pageSize: Int
}

/// Request tokens of rowset reads, valid for twenty minutes as Marketing Cloud's are.
final class RowsetTokens: Sendable {
    static let lifetime: TimeInterval = 20 * 60
    private let queries = Mutex<[String: (query: RowsetQuery, expires: Date)]>([:])

    func remember(_ query: RowsetQuery) -> (token: String, expires: Date) {
        let token = UUID().storageText
        let now = Date()
        let expires = now.addingTimeInterval(Self.lifetime)
        queries.withLock { queries in
            queries = queries.filter { $0.value.expires > now }
            queries[token] = (query, expires)
        }
        return (token, expires)
    }

    func query(for token: String) -> (query: RowsetQuery, expires: Date)? {
        queries.withLock { queries in
            guard let entry = queries[token.lowercased()], entry.expires > Date() else { return nil }
            return entry
        }
    }

}
