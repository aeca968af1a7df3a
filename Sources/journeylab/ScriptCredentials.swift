import Foundation
import LabModel

/// `JOURNEYLAB_CLIENT_ID` and `JOURNEYLAB_CLIENT_SECRET`: whichever command serves the
/// workspace (the app or `serve`) makes sure an app with those credentials exists, so a
/// script or a class can sign in to a workspace nobody has set up by hand.
enum ScriptCredentials {
    static func ensureApp(in workspace: Workspace, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if let clientID = environment["JOURNEYLAB_CLIENT_ID"], let secret = environment["JOURNEYLAB_CLIENT_SECRET"] {
            try workspace.ensureApp(clientID: clientID, clientSecret: secret)
        }
    }
}
