import ArgumentParser
import Foundation
import LabClient
import LabModel

/// Where the API verbs send their requests and with which credentials.
struct ClientOptions: ParsableArguments {
    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "The REST base URL (default: the emulator serving the workspace).")
    var baseURL: String?

    @Option(help: ArgumentHelp("A Marketing Cloud tenant's subdomain instead of an emulator.", valueName: "subdomain"))
    var tenant: String?

    @Flag(help: "Use the legacy Fuel hosts and /v1/requestToken (the tutorial's own URLs).")
    var legacyFuel = false

    @Option(help: "The app's client id (default: $JOURNEYLAB_CLIENT_ID, else an app of the workspace).")
    var clientID: String?

    @Option(help: "The app's client secret (default: $JOURNEYLAB_CLIENT_SECRET).")
    var clientSecret: String?

    @Flag(help: "Print JSON for scripts instead of a table.")
    var json = false

    func validate() throws {
        if [baseURL != nil, tenant != nil, legacyFuel].filter({ $0 }).count > 1 {
            throw ValidationError("Choose one of --base-url, --tenant and --legacy-fuel.")
        }
        if (clientID == nil) != (clientSecret == nil) {
            throw ValidationError("--client-id and --client-secret go together.")
        }
    }

    func client() throws -> MarketingCloudClient {
        let environment = ProcessInfo.processInfo.environment
        let endpoints: ServiceEndpoints
        var flow = AuthFlow.oauth2
        var local = false
        if let tenant {
            endpoints = .tenant(subdomain: tenant)
        } else if legacyFuel {
            endpoints = .legacyFuel
            flow = .legacy
        } else if let baseURL {
            endpoints = .emulator(baseURL: baseURL)
        } else {
            let path = workspaceOptions.path
            guard let url = Workspace.currentOwner(ofWorkspaceAt: path)?.serverURL else {
                throw CommandFailure(
                    """
                    No JourneyLab emulator is serving \(path).
                    Start one in another terminal with `journeylab serve` (or `swift run journeylab`), or pass --base-url.
                    """)
            }
            endpoints = .emulator(baseURL: url)
            local = true
        }
        let credentials: ClientCredentials
        if let clientID, let clientSecret {
            credentials = ClientCredentials(clientID: clientID, clientSecret: clientSecret)
        } else if let id = environment["JOURNEYLAB_CLIENT_ID"], let secret = environment["JOURNEYLAB_CLIENT_SECRET"] {
            credentials = ClientCredentials(clientID: id, clientSecret: secret)
        } else if local, let app = try localApp() {
            credentials = ClientCredentials(clientID: app.clientID, clientSecret: app.clientSecret)
        } else {
            throw CommandFailure(
                "No credentials: pass --client-id and --client-secret, or set JOURNEYLAB_CLIENT_ID and JOURNEYLAB_CLIENT_SECRET.")
        }
        return MarketingCloudClient(endpoints: endpoints, credentials: credentials, authFlow: flow, timeout: .seconds(15))
    }

    /// The workspace's app with the most scopes: what a trainee would pick in App Center.
    private func localApp() throws -> InstalledApp? {
        try ReadOnlyWorkspace(path: workspaceOptions.path).apps().max { $0.scopes.count < $1.scopes.count }
    }
}

/// Runs an API verb: its failures become one message, as Marketing Cloud gave it, and exit 1.
func callingAPI(_ work: @escaping @Sendable () async throws -> Void) throws {
    do {
        try runBlocking(work)
    } catch let error as MarketingCloudError {
        throw CommandFailure(error.description)
    }
}

/// `Field=Value` arguments, in order.
struct FieldAssignments {
    let pairs: [(name: String, value: String)]

    init(_ arguments: [String]) throws {
        pairs = try arguments.map { argument in
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw ValidationError("\"\(argument)\" is not Field=Value.")
            }
            return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
        }
    }

    var dictionary: [String: String] { Dictionary(pairs.map { ($0.name, $0.value) }) { _, last in last } }
}

/// JSON for `--json`: sorted keys, pretty, one document.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
