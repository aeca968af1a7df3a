import LabClient
import Testing

@Suite struct ServiceEndpointsTests {
    @Test func urlsJoinWithExactlyOneSlash() {
        let emulator = ServiceEndpoints.emulator(baseURL: "http://127.0.0.1:7444/")
        #expect(emulator.authURL("/v2/token") == "http://127.0.0.1:7444/v2/token")
        #expect(emulator.restURL("//hub/v1/dataevents") == "http://127.0.0.1:7444/hub/v1/dataevents")
        #expect(emulator.restURL("contacts/v1/contactEvents") == "http://127.0.0.1:7444/contacts/v1/contactEvents")
    }

    @Test func tenantAndLegacyHostsFollowMarketingCloudsNaming() {
        let tenant = ServiceEndpoints.tenant(subdomain: "mc563885gzs27c5t9-63k636ttgm")
        #expect(tenant.authURL("v2/token") == "https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/v2/token")
        #expect(ServiceEndpoints.legacyFuel.authURL("/v1/requestToken") == "https://auth.exacttargetapis.com/v1/requestToken")
        #expect(
            ServiceEndpoints.legacyFuel.restURL("/contacts/v1/contactEvents")
                == "https://www.exacttargetapis.com/contacts/v1/contactEvents")
    }
}
