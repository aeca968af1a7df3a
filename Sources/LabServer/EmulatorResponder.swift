import Foundation
import HTTPTypes
import Hummingbird
import LabJSON
import LabModel
import Logging
import NIOCore

/// Turns every HTTP request into an emulator call: reads the body (5 MB at most), refuses text
/// holding a NUL in the path or query, normalizes the path, answers in JSON (errors in
/// Marketing Cloud's envelope), and logs the exchange.
struct EmulatorResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    static let bodyLimit = 5 * 1024 * 1024

    let emulator: Emulator
    /// Refuses requests over `serve --rate-limit` with 429.
    var limiter: RateLimiter?
    /// One line per request on `serve`'s console; nil in the app, whose screen is the console.
    var accessLog: Logger?

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        var request = request
        var body = Data()
        var appID: UUID?
        let response: EmulatorResponse
        do {
            if let wait = limiter?.admit() { throw APIError.rateLimited(retryAfter: wait) }
            body = Data(buffer: try await request.collectBody(upTo: Self.bodyLimit))
            let query = Self.queryParameters(request.uri.query ?? "")
            try Self.refuseNUL(inPath: request.uri.path, query: query)
            let call = EmulatorRequest(
                method: request.method, path: request.uri.path.normalizedPath, query: query, headers: request.headers,
                authority: request.head.authority, body: body)
            (response, appID) = try await emulator.handle(call)
        } catch let error as APIError {
            response = EmulatorResponse(status: error.status, body: error.body, headers: error.headers)
        } catch let refusal as InputRefusal {
            let error = APIError(refusal, in: .standard)
            response = EmulatorResponse(status: error.status, body: error.body, headers: error.headers)
        } catch is NIOTooManyBytesError {
            response = EmulatorResponse(status: APIError.tooLarge.status, body: APIError.tooLarge.body)
        } catch {
            context.logger.error("request failed: \(error)")
            let failure = APIError.envelope(.internalServerError, "Internal Server Error: \(error)", code: 500)
            response = EmulatorResponse(status: failure.status, body: failure.body)
        }
        let text = response.body?.serialized ?? ""
        // The request log only queues the line; the console may be a slow pipe, so its line is
        // written off the server's own threads.
        log(request, body: body, response: response, text: text, appID: appID, started: started)
        if let accessLog {
            let path = request.uri.query.map { "\(request.uri.path)?\($0)" } ?? request.uri.path
            let line = "\(request.method.rawValue) \(path) → \(response.status.code) in \(Self.milliseconds(since: started)) ms"
            await Emulator.offCooperativeThreads { accessLog.info("\(line)") }
        }
        var headers = response.headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: response.status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func milliseconds(since started: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - started
        // To a tenth of a millisecond: what a person reads in the log.
        return ((Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15) * 10).rounded() / 10
    }

    /// A NUL in the decoded path or query would cut a key or name short where it is stored, and
    /// `%00` in a path key would name another data extension: refused here, before any route
    /// reads them. Path segments are decoded by parts (a row key's `k:v` pairs, one by one), so
    /// any `%00` in the path is refused.
    static func refuseNUL(inPath path: String, query: [String: String]) throws(InputRefusal) {
        if path.range(of: "%00") != nil || path.utf8.contains(0) { throw .nulCharacter(place: "The path") }
        for (name, value) in query {
            if name.utf8.contains(0) { throw .nulCharacter(place: "A query parameter name") }
            if value.utf8.contains(0) { throw .nulCharacter(place: "Query parameter \(name)") }
        }
    }

    /// `%24filter=Updated+eq+%27True%27` → `["$filter": "Updated eq 'True'"]`: names lower-cased,
    /// `+` as a space, names and values percent-decoded (Python and JavaScript clients encode
    /// both); a name sent twice keeps its first value.
    static func queryParameters(_ query: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for (name, value) in FormFields.decode(query) where parameters[name.lowercased()] == nil {
            parameters[name.lowercased()] = value
        }
        return parameters
    }

    private func log(
        _ request: Request, body: Data, response: EmulatorResponse, text: String, appID: UUID?, started: ContinuousClock.Instant
    ) {
        let milliseconds = Self.milliseconds(since: started)
        let path = request.uri.query.map { "\(request.uri.path)?\($0)" } ?? request.uri.path
        // Large bodies are logged in part: the log is for reading, not for replaying imports.
        let requestText = String(decoding: body.prefix(64 * 1024), as: UTF8.self)
        emulator.workspace.logRequest(
            RequestLogEntry(
                time: Date(), method: request.method.rawValue, path: path, status: response.status.code,
                durationMilliseconds: milliseconds, requestBody: requestText, responseBody: text, appID: appID))
    }
}
