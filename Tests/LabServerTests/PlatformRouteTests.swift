import Foundation
import LabModel
import Testing

@testable import LabServer

/// The platform routes SDKs call before anything else: who a token stands for, and where SOAP
/// and REST calls go (FuelSDK's legacy client asks for SOAP, and without an answer would send
/// its SOAP calls to Marketing Cloud's public host).
@Suite struct PlatformRouteTests {
    @Test func tokenContextNamesTheAppBehindTheToken() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let context = try await fixture.send("GET", "/platform/v1/tokenContext", token: token)
        #expect(context.status == 200)
        #expect(context.json["application"]?["name"] == .string(fixture.seed.app.name))
        #expect(context.json["organization"]?["id"] == context.json["enterprise"]?["id"])
        #expect(context.json["rest"]?["rest_instance_url"] == .string(fixture.baseURL + "/"))
        #expect(try await fixture.send("GET", "/platform/v1/tokenContext").status == 401)
    }

    @Test func endpointsSaySOAPAndRESTGoToThisServer() async throws {
        let fixture = try await EmulatorFixture()
        let token = try await fixture.token()
        let soap = try await fixture.send("GET", "/platform/v1/endpoints/soap", token: token)
        #expect(soap.status == 200)
        #expect(soap.json == .object(["type": .string("soap"), "url": .string(fixture.baseURL + "/service.asmx")]))
        let rest = try await fixture.send("GET", "/platform/v1/endpoints/REST", token: token)
        #expect(rest.json == .object(["type": .string("rest"), "url": .string(fixture.baseURL + "/")]))
        let ftp = try await fixture.send("GET", "/platform/v1/endpoints/ftp", token: token)
        #expect(ftp.status == 404)
        #expect(ftp.json["errorcode"] == .number(30003) && ftp.json["message"] == .string("No endpoint exists for key 'ftp'."))
        #expect(try await fixture.send("GET", "/platform/v1/endpoints/soap").status == 401)
    }
}
