import Foundation
import Hummingbird
import LabModel
public import Logging
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// The Marketing Cloud REST emulator over a workspace: `journeylab serve`, and later the app.
public struct EmulatorServer: Sendable {
    public let workspace: Workspace
    public let address: EmulatorAddress
    /// Token lifetime in seconds; nil for Marketing Cloud's (1079 s for `/v2/token`, 3600 s legacy).
    public let tokenLifetime: TimeInterval?
    /// What the HTTP layer logs to standard error; tests that cancel servers want `.critical`.
    public let logLevel: Logger.Level
    /// Requests a second before 429 (`serve --rate-limit`); nil: no limit.
    public let rateLimit: RateLimit?
    /// Where one line per request goes (`serve`'s console); nil: nowhere.
    public let accessLog: Logger?

    public init(
        workspace: Workspace, address: EmulatorAddress, tokenLifetime: TimeInterval? = nil, logLevel: Logger.Level = .warning,
        rateLimit: RateLimit? = nil, accessLog: Logger? = nil
    ) {
        self.workspace = workspace
        self.address = address
        self.tokenLifetime = tokenLifetime
        self.logLevel = logLevel
        self.rateLimit = rateLimit
        self.accessLog = accessLog
    }

    /// Serves until the task is cancelled or, when `signals` is set, until one arrives (Ctrl-C).
    /// - Parameter onRunning: called with the base URL (`http://127.0.0.1:7444`) once listening.
    public func run(stopOn signals: Bool = false, onRunning: @escaping @Sendable (String) async -> Void) async throws {
        let emulator = Emulator(workspace: workspace, tokenLifetime: tokenLifetime)
        // The HTTP layer writes where the access log does (serve's console), at its own level.
        var logger = accessLog ?? Logger(label: "journeylab.emulator")
        logger.logLevel = logLevel
        let host = address.host
        let app = Application(
            responder: EmulatorResponder(
                emulator: emulator, limiter: rateLimit.map { RateLimiter($0) }, accessLog: accessLog),
            // Requests the HTTP layer cannot read are answered in the envelope too.
            server: .http1(configuration: .init(additionalChannelHandlers: [UnreadableRequestAnswer(loggingTo: workspace)])),
            configuration: .init(address: .hostname(host, port: address.port), serverName: "JourneyLab"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shownHost = host.contains(":") ? "[\(host)]" : host
                emulator.baseURL = "http://\(shownHost):\(port)"
                await onRunning(emulator.baseURL)
            },
            logger: logger)
        if signals {
            try await app.runService(gracefulShutdownSignals: [.sigint, .sigterm])
        } else {
            try await app.run()
        }
    }
}

extension EmulatorAddress {
    /// The default port if nothing listens there yet, else a free one: what the app uses so a
    /// second JourneyLab on the machine still gets an emulator.
    public static func defaultOrFree(host: String = "127.0.0.1") -> EmulatorAddress {
        EmulatorAddress(host: host, port: isFree(port: defaultPort, host: host) == true ? defaultPort : 0)
    }

    /// Whether a TCP listener could bind `port` on an IPv4 `host` now (with SO_REUSEADDR, as the
    /// server binds, so connections left closing by an earlier run do not count). Nil for hosts
    /// this cannot check (IPv6, names): the bind itself says.
    public static func isFree(port: Int, host: String = "127.0.0.1") -> Bool? {
        let ipv4 = host == "localhost" ? "127.0.0.1" : host
        guard (0...65_535).contains(port), inet_addr(ipv4) != INADDR_NONE || ipv4 == "255.255.255.255" else { return nil }
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { return false }
        defer { close(socketFD) }
        var reuse: Int32 = 1
        setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(ipv4)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
