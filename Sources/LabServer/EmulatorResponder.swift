import Foundation
import HTTPTypes
import Hummingbird
import LabJSON
import LabModel
import Logging
import NIOCore

/// Turns every HTTP request into an emulator call: reads the body (5 MB at most), refuses text
/// holding a NUL in the path or query, normalizes the path, answers in JSON (errors in
/// Marketing Cloud's envelope), and logs the exchange with its credentials masked.
struct EmulatorResponder: HTTPResponder {
    typealias Context = EmulatorRequestContext
    static let bodyLimit = 5 * 1024 * 1024
    /// How much more of a refused upload is read (and dropped) so that a client writing the whole
    /// body before it reads gets its 413; past this the connection is closed instead.
    static let refusedBodyDrainLimit = 64 * 1024 * 1024

    let emulator: Emulator
    /// Refuses requests over `serve --rate-limit` with 429.
    var limiter: RateLimiter?
    /// One line per request on `serve`'s console; nil in the app, whose screen is the console.
    var accessLog: Logger?

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        var body = Data()
        var appID: UUID?
        var closesConnection = false
        let response: EmulatorResponse
        do {
            if let wait = limiter?.admit() { throw APIError.rateLimited(retryAfter: wait) }
            switch try await Self.readBody(of: request) {
            case .whole(let whole): body = whole
            case .tooLarge(let drainedWhole):
                closesConnection = !drainedWhole
                throw APIError.tooLarge
            }
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
        } catch {
            // The reason stays on the console: it may hold SQL, table names or paths, which a
            // reply never carries.
            context.logger.error("request failed: \(error)")
            let failure = APIError.envelope(
                .internalServerError, "Internal Server Error: the emulator could not complete the request; its console says why.",
                code: 500)
            response = EmulatorResponse(status: failure.status, body: failure.body)
        }
        let text = response.body?.serialized ?? ""
        let entry = logEntry(
            request, body: body, response: response, text: text, appID: appID, context: context, started: started)
        // The request log only queues the line; the console may be a slow pipe, so its line is
        // written off the server's own threads.
        emulator.workspace.logRequest(entry)
        if let accessLog {
            let line = "\(entry.method) \(entry.target) → \(entry.status) in \(entry.durationMilliseconds) ms"
            await Emulator.offCooperativeThreads { accessLog.info("\(line)") }
        }
        var headers = response.headers
        headers[.contentType] = "application/json; charset=utf-8"
        guard closesConnection else {
            return Response(status: response.status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        // An upload too large even to read past: answered, then the connection is closed, so a
        // client still writing it fails at once instead of waiting for a server that stopped reading.
        headers[.connection] = "close"
        let channel = context.channel
        let reply = ByteBuffer(string: text)
        return Response(
            status: response.status, headers: headers,
            body: ResponseBody(contentLength: reply.readableBytes) { writer in
                try await writer.write(reply)
                try await writer.finish(nil)
                channel.close(promise: nil)
            })
    }

    /// A request body read whole, or refused past `bodyLimit`.
    enum BodyRead {
        case whole(Data)
        /// `drainedWhole`: the rest was read and dropped, up to `refusedBodyDrainLimit`; false
        /// when it went on past that.
        case tooLarge(drainedWhole: Bool)
    }

    /// Reads the body up to `bodyLimit`. Past it, the rest is read and dropped (up to
    /// `refusedBodyDrainLimit`) before the 413 is answered: a client that writes its whole body
    /// before it reads would otherwise wait forever on a server that stopped reading.
    static func readBody(of request: Request) async throws -> BodyRead {
        var collected = Data()
        var parts = request.body.makeAsyncIterator()
        while let part = try await parts.next() {
            guard collected.count + part.readableBytes <= bodyLimit else {
                var dropped = part.readableBytes
                while dropped <= refusedBodyDrainLimit, let more = try await parts.next() { dropped += more.readableBytes }
                return .tooLarge(drainedWhole: dropped <= refusedBodyDrainLimit)
            }
            collected.append(contentsOf: part.readableBytesView)
        }
        return .whole(collected)
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

    static func milliseconds(since started: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - started
        // To a tenth of a millisecond: what a person reads in the log.
        return ((Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15) * 10).rounded() / 10
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

    /// The exchange as the request log keeps it: query, headers and bodies masked.
    private func logEntry(
        _ request: Request, body: Data, response: EmulatorResponse, text: String, appID: UUID?, context: Context,
        started: ContinuousClock.Instant
    ) -> RequestLogEntry {
        RequestLogEntry(
            time: Date(), method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
            headers: request.headers.map { LoggedHeader(name: $0.name.rawName, value: $0.value) },
            client: Self.clientText(context.channel.remoteAddress), status: response.status.code,
            durationMilliseconds: Self.milliseconds(since: started), requestBody: RequestLogMasking.requestText(body),
            responseBody: RequestLogMasking.responseText(response.body, serialized: text), appID: appID)
    }

    /// `127.0.0.1:53412`, `[::1]:53412`; empty when the channel has no remote address.
    static func clientText(_ address: SocketAddress?) -> String {
        guard let address, let host = address.ipAddress else { return "" }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return address.port.map { "\(shownHost):\($0)" } ?? shownHost
    }
}

/// The request context: Hummingbird's, and the connection, whose remote address is logged and
/// which a refused upload closes.
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
