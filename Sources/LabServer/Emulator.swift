import Foundation
import HTTPTypes
import LabModel
import Synchronization

/// The emulator's state and routing: the workspace it serves, the tokens it issued, its base URL.
final class Emulator: Sendable {
    let workspace: Workspace
    let tokens: TokenStore
    /// `expires_in` of `/v2/token` (Marketing Cloud: 1079 s) and of `/v1/requestToken` (3600 s),
    /// both the configured lifetime when one is set.
    let tokenLifetime: Int
    let legacyLifetime: Int
    private let base = Mutex("")
    private let routeTable = Mutex<[Route]>([])
    private let requestCounter = Mutex(1_000)
    let rowsetTokens = RowsetTokens()
    let asyncRequests = AsyncRequests()
    let publishRequests = PublishRequests()

    init(workspace: Workspace, tokenLifetime: TimeInterval?) {
        // Routes hold the emulator unowned: it owns them.
        self.workspace = workspace
        self.tokenLifetime = tokenLifetime.map { Int($0.rounded(.up)) } ?? 1079
        legacyLifetime = tokenLifetime.map { Int($0.rounded(.up)) } ?? 3600
        tokens = TokenStore()
        let families: [any RouteFamily] = [
            AuthRoutes(emulator: self), EventRoutes(emulator: self), RowRoutes(emulator: self),
            JourneyMemberRoutes(emulator: self), DataExtensionRoutes(emulator: self), AsyncRowRoutes(emulator: self),
            AutomationRoutes(emulator: self), EventDefinitionRoutes(emulator: self), JourneyRoutes(emulator: self),
            JourneyPublishRoutes(emulator: self), MetaRoutes(emulator: self), PlatformRoutes(emulator: self),
        ]
        routeTable.withLock { $0 = families.flatMap(\.routesInDialect) }
    }

    /// Every route, in the order requests are matched.
    var routes: [Route] { routeTable.withLock { $0 } }

    /// Where clients reach this server: the request's `Host` (right even when listening on
    /// 0.0.0.0), else the address it listens on.
    func baseURL(for request: EmulatorRequest) -> String {
        guard let host = request.authority, !host.isEmpty else { return baseURL }
        return "http://\(host)"
    }

    /// `http://127.0.0.1:7444`, once the server listens.
    var baseURL: String {
        get { base.withLock { $0 } }
        set { base.withLock { $0 = newValue } }
    }

    /// The data extension a path names: `key:{key}` / `key/{key}`, or its ObjectID (`{id}`).
    func dataExtension(addressedBy request: EmulatorRequest) throws -> DataExtension {
        if let key = request.captures["key"] {
            guard let de = try workspace.existingDataExtension(.externalKey(key)) else {
                throw APIError.badRequest("Data Extension with key \(key) not found.", code: 10000)
            }
            return de
        }
        let id = request.captures["id"] ?? ""
        guard let uuid = UUID(uuidString: id), let de = try workspace.existingDataExtension(.id(uuid)) else {
            throw APIError.badRequest("Parameter \(id) is invalid.", code: 10001)
        }
        return de
    }

    /// Numbers for `asyncRequestID`, increasing.
    func nextRequestNumber() -> Int {
        requestCounter.withLock { number in
            number += 1
            return number
        }
    }

    /// Routes the request, checks its token and scope, and runs the handler.
    func handle(_ request: EmulatorRequest) async throws -> (EmulatorResponse, appID: UUID?) {
        let segments = request.path.split(separator: "/")
        let routes = routeTable.withLock { $0 }
        let matching = routes.compactMap { route in route.match(segments).map { (route, $0) } }
        guard let (route, captures) = matching.first(where: { $0.0.method == request.method }) else {
            // A path the emulator answers, asked with a method it does not: 405, naming the methods.
            let allowed = matching.map(\.0.method.rawValue)
            throw allowed.isEmpty ? APIError.notFound : APIError.methodNotAllowed(allowed: allowed)
        }
        var request = request
        request.captures = captures
        if let operation = route.operation {
            let grant = try authorize(request)
            guard operation.isAllowed(by: grant.scopes) else { throw APIError.forbidden }
            request.grant = grant
        }
        let call = request
        do {
            switch route.handler {
            case .blocking(let handler): return (try await Self.offCooperativeThreads { try handler(call) }, call.grant?.app.id)
            case .suspending(let handler): return (try await handler(call), call.grant?.app.id)
            }
        } catch let refusal as any ModelRefusal {
            throw APIError(refusal, in: route.refusals)
        }
    }

    /// Runs blocking work (SQLite waits for the writer while the engine holds it for a batch) on
    /// a Dispatch thread, so a few slow requests cannot occupy every cooperative thread.
    static func offCooperativeThreads<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Swift.Result { try work() })
            }
        }
    }

    /// The same for work that cannot fail (writing a log line to a console that may be slow).
    static func offCooperativeThreads(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                work()
                continuation.resume()
            }
        }
    }

    private func authorize(_ request: EmulatorRequest) throws(APIError) -> TokenStore.Grant {
        guard let header = request.headers[.authorization], header.prefix(7).equalsIgnoringCase("bearer ") else {
            throw APIError.notAuthorized("The access token is missing")
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingSpaces
        switch tokens.check(token) {
        case .valid(let grant): return grant
        case .expired: throw APIError.notAuthorized("The access token expired")
        case .unknown: throw APIError.notAuthorized("The access token is not valid")
        }
    }
}
