import CurlClient
import Foundation
import Kube
import Testing

@Suite("KubeSecret")
struct KubeSecretTests {
    func load() throws -> KubeSecret {
        try KubeTime.makeDecoder().decode(KubeSecret.self, from: try TestFixtures.object("secret-dockerconfigjson.json"))
    }

    @Test("decodes type and base64 data; the value decodes to the docker config")
    func decodes() throws {
        let secret = try load()
        #expect(secret.type == KubeSecret.dockerConfigJSONType)
        #expect(secret.dataKeys == [".dockerconfigjson"])
        let config = try #require(secret.decodedValue(forKey: ".dockerconfigjson"))
        let json = try JSONSerialization.jsonObject(with: config) as? [String: Any]
        let auths = json?["auths"] as? [String: Any]
        #expect(auths?["127.0.0.1:5001"] != nil)
        #expect(secret.decodedValue(forKey: "missing") == nil)
    }

    @Test("no description shows the data: print, interpolation, debugDescription, dump")
    func redacted() throws {
        let secret = try load()
        let encoded = try #require(secret.data?[".dockerconfigjson"]?.value)
        var dumped = ""
        dump(secret, to: &dumped)
        for text in [secret.description, "\(secret)", String(reflecting: secret), dumped, "\(secret.data ?? [:])"] {
            #expect(!text.contains(encoded))
            #expect(!text.contains("stale-password-not-real"))
            #expect(!text.contains(String(encoded.prefix(12))), "\(text)")
        }
        #expect(secret.description.contains(".dockerconfigjson"))
        #expect(secret.description.contains("shop/shop-registry"))
    }
}
