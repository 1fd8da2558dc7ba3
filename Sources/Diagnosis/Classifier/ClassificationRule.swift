/// One thing the classifier recognises, in one file named after it.
///
/// A rule looks at a ``NormalizedMessage`` and either returns a verdict or `nil` to let the next
/// rule try. Rules run in the order of ``MessageClassifier/standardRules``: a rule may rely on
/// the earlier ones having declined (a TLS rule need not check for "no space left on device").
/// Rules keep their ``Phrase``s as stored properties so that nothing is rebuilt per message.
public protocol ClassificationRule: Sendable {
    /// The verdict for `message`, or `nil` when this rule does not recognise it.
    func evaluate(_ message: NormalizedMessage) -> Classification?
}
