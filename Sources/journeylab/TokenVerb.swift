import ArgumentParser
import LabClient

struct TokenVerb: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Get an access token, as the tutorial's first request does.",
        discussion: """
            Prints the token, its lifetime and scopes, and the REST base URL to call with it. Examples:
              journeylab token
              TOKEN=$(journeylab token --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
            """)

    @OptionGroup var client: ClientOptions

    struct Output: Encodable {
        let accessToken: String
        let expiresIn: Int
        let scope: String?
        let restInstanceURL: String?
    }

    func run() throws {
        let (client, asJSON) = (try client.client(), self.client.json)
        try callingAPI {
            let grant = try await client.fetchToken()
            if asJSON {
                try printJSON(
                    Output(
                        accessToken: grant.accessToken, expiresIn: grant.expiresIn, scope: grant.scope,
                        restInstanceURL: grant.restInstanceURL ?? client.endpoints.restBaseURL + "/"))
            } else {
                print(grant.accessToken)
                print(
                    "Expires in \(grant.expiresIn) s. REST base URL: \(grant.restInstanceURL ?? client.endpoints.restBaseURL + "/")"
                )
                if let scope = grant.scope { print("Scopes: \(scope)") }
            }
        }
    }
}
