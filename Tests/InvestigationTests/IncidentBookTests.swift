import Diagnosis
import Foundation
import Testing
@testable import Investigation

@Suite("The incident book's memory")
struct IncidentBookTests {
    static let key = IncidentKey(namespace: "shop", ownerKind: "Deployment", ownerName: "web", image: "r.example/web:v2")

    static func report() -> DiagnosisReport {
        DiagnosisReport(id: "d1", createdAt: Date(), verdict: .imagePull, incident: key, category: .imageNotFound,
                        reason: .tagNotFound, confidence: .high, summary: "s",
                        affected: [AffectedContainer(namespace: "shop", pod: "web-1", container: "web", initContainer: false)])
    }

    static func occurrence(_ n: Int) -> Occurrence {
        Occurrence(fingerprint: "f\(n)", startsAt: Date(timeIntervalSince1970: 1_795_000_000 + Double(n)))
    }

    @Test("occurrences are counted once, and past the limit the oldest are forgotten (bounded memory)")
    func bounded() {
        var book = IncidentBook()
        let report = Self.report()
        let limit = IncidentBook.countedLimit
        let first = book.record(Self.occurrence(0), report: report, namespace: "shop", pod: "web-1", container: "web")
        #expect(first)
        let again = book.record(Self.occurrence(0), report: report, namespace: "shop", pod: "web-1", container: "web")
        #expect(!again, "a re-send")
        for n in 1...(limit + 10) {
            _ = book.record(Self.occurrence(n), report: report, namespace: "shop", pod: "web-1", container: "web")
        }
        #expect(book.countedCount == limit)
        let newest = book.record(Self.occurrence(limit + 10), report: report, namespace: "shop", pod: "web-1", container: "web")
        #expect(!newest, "the newest is still known")
        let oldest = book.record(Self.occurrence(0), report: report, namespace: "shop", pod: "web-1", container: "web")
        #expect(oldest, "the oldest was forgotten")
    }
}
