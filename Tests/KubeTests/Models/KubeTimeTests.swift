import Foundation
import Kube
import Testing

@Suite("KubeTime")
struct KubeTimeTests {
    @Test("whole seconds, fractional seconds and offsets", arguments: [
        ("2026-11-21T07:49:50Z", 1_795_247_390.0),
        ("2026-11-21T07:49:50.928833Z", 1_795_247_390.928833),
        ("2026-11-21T07:49:50.5Z", 1_795_247_390.5),
        ("2026-11-21T09:49:50+02:00", 1_795_247_390.0),
        ("2026-11-21T02:19:50.25-05:30", 1_795_247_390.25),
        ("1970-01-01T00:00:00Z", 0.0),
        ("2024-02-29T12:00:00z", 1_709_208_000.0),
    ])
    func parses(text: String, epoch: Double) throws {
        let date = try #require(KubeTime.parse(text))
        #expect(abs(date.timeIntervalSince1970 - epoch) < 0.000_001)
    }

    @Test("rejects what is not RFC 3339", arguments: [
        "", "2026-11-21", "2026-11-21T07:49:50", "2026-13-01T00:00:00Z", "2026-11-21T07:49:50.Z",
        "2026-11-21T07:49:50Zjunk", "21/11/2026 07:49:50", "2026-11-21T07:49:50+0200",
    ])
    func rejects(text: String) {
        #expect(KubeTime.parse(text) == nil)
    }

    @Test("agrees with Foundation's ISO 8601 parser")
    func agreesWithFoundation() throws {
        let formatter = ISO8601DateFormatter()
        for text in ["2026-03-02T09:14:51Z", "1999-12-31T23:59:59Z", "2000-02-29T00:00:00Z", "2100-03-01T00:00:01Z"] {
            let expected = try #require(formatter.date(from: text))
            #expect(KubeTime.parse(text) == expected, "\(text)")
        }
    }

    @Test("the decoder reads null timestamps as nil and rejects malformed ones")
    func decoder() throws {
        struct Holder: Decodable { var at: Date? }
        let decoder = KubeTime.makeDecoder()
        #expect(try decoder.decode(Holder.self, from: Data(#"{"at":null}"#.utf8)).at == nil)
        #expect(try decoder.decode(Holder.self, from: Data(#"{"at":"1970-01-01T00:00:01Z"}"#.utf8)).at == Date(timeIntervalSince1970: 1))
        #expect(throws: DecodingError.self) { try decoder.decode(Holder.self, from: Data(#"{"at":"yesterday"}"#.utf8)) }
    }
}
