import Testing

@testable import LabModel

/// Credentials never reach the request log, in any spelling; bodies without any pass untouched.
@Suite struct SecretMaskingTests {
    @Test func credentialsAreMaskedInJSONAndForms() {
        #expect(
            SecretMasking.mask(#"{"client_id":"abc","ClientSecret" : "s3cr3t","scope":"x"}"#)
                == #"{"client_id":"abc","ClientSecret" : "••••","scope":"x"}"#)
        #expect(
            SecretMasking.mask(#"{"ACCESS_TOKEN":"t0k3n","expires_in":1079}"#) == #"{"ACCESS_TOKEN":"••••","expires_in":1079}"#)
        #expect(
            SecretMasking.mask("grant_type=client_credentials&client_secret=s3cr3t&client_id=abc")
                == "grant_type=client_credentials&client_secret=••••&client_id=abc")
    }

    @Test func bodiesNamingNoCredentialAreLeftAsTheyAre() {
        let event = #"{"ContactKey":"ana@lab.test","EventDefinitionKey":"member-event","Data":{"Tokens":"no"}}"#
        #expect(SecretMasking.mentionsCredential(event))  // "Tokens" names one: the full masking runs, and keeps it
        #expect(SecretMasking.mask(event) == event)
        #expect(!SecretMasking.mentionsCredential(#"{"eventInstanceId":"5665ef78"}"#))
        #expect(!SecretMasking.mentionsCredential("") && !SecretMasking.mentionsCredential("toke"))
        #expect(SecretMasking.mentionsCredential("…SeCrEt"))
    }
}
