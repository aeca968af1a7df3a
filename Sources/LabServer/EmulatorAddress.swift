/// Where the Marketing Cloud emulator listens. Loopback by default: the emulator accepts any
/// app's credentials a workspace holds, so it is not meant to be reachable from other machines.
public struct EmulatorAddress: Sendable, Hashable {
    /// The documented port `journeylab` serves on when none is given.
    public static let defaultPort = 7444
    public static let loopback = EmulatorAddress(host: "127.0.0.1", port: defaultPort)

    public var host: String
    /// 0 asks the system for a free port.
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public var isLoopback: Bool { host == "127.0.0.1" || host == "localhost" || host == "::1" }
}
