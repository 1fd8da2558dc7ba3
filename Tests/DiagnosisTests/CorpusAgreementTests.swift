import Testing
@testable import Diagnosis

/// Every corpus message against its label: the category must match, and the reason too (through
/// the synonym table below). Where the classifier's author argues the label is not what the text
/// shows, the entry carries `classifier_expect` with the argument, and that is what is checked.
@Suite struct CorpusAgreementTests {
    /// Corpus reason names that mean one of ours. Each needs a reason:
    /// - `uppercase`: our name is `uppercase_in_reference`.
    /// - `backoff_without_cause`, `generic_err_image_pull`, `unknown_error`: all "the message
    ///   carries no cause"; we keep one reason for that.
    /// - `token_endpoint_eof`, `mirror_bad_request`, `mirror_server_error`, `forbidden_html_body`:
    ///   we keep the endpoint, the mirror and the status as facts, not in the reason; the fact is
    ///   checked (``factCheck``).
    /// - `manifest_unknown_ambiguous`: the corpus's name for Docker's "pull access denied" answer.
    /// - `denied_ambiguous`, `forbidden_ambiguous`: one reason for DENIED/403 from registries that
    ///   answer so for missing repositories.
    struct Synonym: Sendable {
        let ours: Reason
        let factCheck: (@Sendable (MessageFacts) -> Bool)?
    }

    static let synonyms: [String: Synonym] = [
        "uppercase": Synonym(ours: .uppercaseInReference, factCheck: nil),
        "backoff_without_cause": Synonym(ours: .noCauseInMessage, factCheck: nil),
        "generic_err_image_pull": Synonym(ours: .noCauseInMessage, factCheck: nil),
        "unknown_error": Synonym(ours: .noCauseInMessage, factCheck: nil),
        "token_endpoint_eof": Synonym(ours: .eof, factCheck: { $0.requestKind == .token }),
        "mirror_bad_request": Synonym(ours: .badRequest, factCheck: { $0.mirrorHost != nil }),
        "mirror_server_error": Synonym(ours: .serverError, factCheck: { $0.mirrorHost != nil }),
        "forbidden_html_body": Synonym(ours: .htmlErrorPage, factCheck: { $0.httpStatus == 403 }),
        "manifest_unknown_ambiguous": Synonym(ours: .pullAccessDenied, factCheck: nil),
        "denied_ambiguous": Synonym(ours: .accessDeniedAmbiguous, factCheck: nil),
        "forbidden_ambiguous": Synonym(ours: .accessDeniedAmbiguous, factCheck: nil),
    ]

    /// The reason a corpus name stands for, directly or through a synonym.
    static func ourReason(_ corpusName: String) -> (Reason, Synonym?)? {
        if let synonym = synonyms[corpusName] { return (synonym.ours, synonym) }
        return Reason(rawValue: corpusName).map { ($0, nil) }
    }

    let classifier = MessageClassifier()

    @Test func corpusIsComplete() {
        #expect(MessageCorpus.entries.count == 222)
    }

    @Test(arguments: MessageCorpus.entries)
    func entryMatchesItsLabel(_ entry: MessageCorpus.Entry) throws {
        let verdict = classifier.classify(entry.message)
        let expectedCategory = entry.classifierExpect?.category ?? entry.category
        let expectedReasonName = entry.classifierExpect?.reason ?? entry.reason
        #expect(verdict.category.rawValue == expectedCategory, "rule \(verdict.rule): \(verdict.summary)")
        let (reason, synonym) = try #require(Self.ourReason(expectedReasonName),
                                             "corpus reason \(expectedReasonName) has no counterpart")
        #expect(verdict.reason == reason, "rule \(verdict.rule)")
        if let check = synonym?.factCheck {
            #expect(check(verdict.facts), "the synonym's fact is missing: \(verdict.facts)")
        }
        if let expectation = entry.classifierExpect {
            #expect(!expectation.note.isEmpty)
            #expect(expectation.category != entry.category || expectation.reason != entry.reason)
        }
    }

    /// Prints agreement with the corpus's own labels (before the documented overrides) and asserts
    /// that every disagreement is one of the documented ones.
    @Test func agreementFigures() {
        var categoryAgree = 0
        var reasonAgree = 0
        var undocumented: [String] = []
        for entry in MessageCorpus.entries {
            let verdict = classifier.classify(entry.message)
            let categoryMatches = verdict.category.rawValue == entry.category
            let reasonMatches = Self.ourReason(entry.reason)?.0 == verdict.reason
            if categoryMatches { categoryAgree += 1 }
            if reasonMatches { reasonAgree += 1 }
            if !(categoryMatches && reasonMatches), entry.classifierExpect == nil {
                undocumented.append(entry.message)
            }
        }
        let total = MessageCorpus.entries.count
        let overrides = MessageCorpus.entries.filter { $0.classifierExpect != nil }.count
        print("corpus agreement (original labels): category \(categoryAgree)/\(total), reason \(reasonAgree)/\(total); "
            + "\(overrides) entries carry classifier_expect")
        #expect(undocumented.isEmpty, "disagreements without classifier_expect: \(undocumented)")
    }
}
