import Testing

@testable import LabModel

/// Credentials never reach the request log, in any spelling the server reads as one; text
/// naming none passes untouched.
@Suite struct SecretMaskingTests {
    @Test func credentialNamesAreKnownInAnySpelling() {
        for name in [
            "client_secret", "ClientSecret", "CLIENT-SECRET", "client secret", "access_token", "refreshToken", "password",
        ] {
            #expect(SecretMasking.isSecretName(name), "\(name)")
        }
        for name in ["client_id", "grant_type", "scope", "requestToken", "Tokens", "EventDefinitionKey"] {
            #expect(!SecretMasking.isSecretName(name), "\(name)")
        }
    }

    @Test func formsAndQueriesAreMaskedByDecodedName() {
        #expect(
            SecretMasking.maskForm("grant_type=client_credentials&client_secret=s3cr3t&client_id=abc")
                == "grant_type=client_credentials&client_secret=••••&client_id=abc")
        #expect(SecretMasking.maskForm("client%5Fsecret=s3cr3t&x={y}") == "client%5Fsecret=••••&x={y}")
        #expect(SecretMasking.maskForm("Client+Secret=s&%24filter=a") == "Client+Secret=••••&%24filter=a")
        #expect(SecretMasking.maskForm("$page=2&name=x") == "$page=2&name=x")
    }

    @Test func headersKeepTheirSchemeAndLoseTheCredential() {
        #expect(SecretMasking.maskHeader(named: "Authorization", "Bearer abc.def") == "Bearer ••••")
        #expect(SecretMasking.maskHeader(named: "authorization", "abc") == "••••")
        #expect(SecretMasking.maskHeader(named: "X-Client-Secret", "abc") == "••••")
        #expect(SecretMasking.maskHeader(named: "Cookie", "session=abc") == "••••")
        #expect(SecretMasking.maskHeader(named: "Content-Type", "application/json") == "application/json")
    }

    @Test func theFirstLookFindsEveryCredentialWord() {
        #expect(SecretMasking.mentionsCredential(#"{"Data":{"Tokens":"no"}}"#))
        #expect(!SecretMasking.mentionsCredential(#"{"eventInstanceId":"5665ef78"}"#))
        #expect(!SecretMasking.mentionsCredential("") && !SecretMasking.mentionsCredential("toke"))
        #expect(SecretMasking.mentionsCredential("…SeCrEt"))
    }
}
