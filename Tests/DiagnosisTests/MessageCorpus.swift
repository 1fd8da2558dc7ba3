import Foundation
import Testing
import Yams
@testable import Diagnosis

/// The real-message corpus (`Tests/Fixtures/messages/real-messages.yaml`): 222 messages copied
/// from public sources, each with the category and reason a person assigned.
struct MessageCorpus {
    /// One corpus entry.
    struct Entry: Decodable, Sendable, CustomTestStringConvertible {
        let message: String
        let runtime: String
        let registry: String
        let category: String
        let reason: String
        let source: String
        let note: String?
        /// Where the classifier's author disagrees with the label, the verdict expected instead,
        /// with the argument in its note (the original label is kept).
        let classifierExpect: Expectation?

        struct Expectation: Decodable, Sendable {
            let category: String
            let reason: String
            let note: String
        }

        enum CodingKeys: String, CodingKey {
            case message, runtime, registry, category, reason, source, note
            case classifierExpect = "classifier_expect"
        }

        var testDescription: String { String(message.prefix(100)) }
    }

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/messages/real-messages.yaml")

    /// All entries, loaded once.
    static let entries: [Entry] = {
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            return try YAMLDecoder().decode([Entry].self, from: text)
        } catch {
            // A test argument list cannot throw; an empty corpus fails the count test loudly.
            print("cannot load \(url.path): \(error)")
            return []
        }
    }()

    /// The one entry whose message contains `fragment` (tests name entries by a distinctive piece).
    static func entry(containing fragment: String) -> Entry? {
        let matches = entries.filter { $0.message.contains(fragment) }
        return matches.count == 1 ? matches[0] : nil
    }
}
