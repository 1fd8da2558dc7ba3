import Foundation
import Testing
@testable import Diagnosis

/// Prints the classifier's throughput on the corpus (no timing assertion: machines differ, and a
/// debug build is far slower than release). Asserts only that every message got a verdict.
@Suite struct ThroughputTests {
    @Test func printsMessagesPerSecond() {
        let classifier = MessageClassifier()
        let messages = MessageCorpus.entries.map(\.message)
        let rounds = 100
        var informative = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<rounds {
                for message in messages where classifier.classify(message).category != .unknown { informative += 1 }
            }
        }
        let total = messages.count * rounds
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let perSecond = seconds > 0 ? Double(total) / seconds : 0
        print("classifier throughput: \(total) messages in \(String(format: "%.3f", seconds)) s = "
            + "\(Int(perSecond)) messages/s (this build's optimisation level)")
        #expect(informative == (total / messages.count) * messages.filter { classifier.classify($0).category != .unknown }.count)
    }
}
