/// Strict decoding: a key the schema does not name is an error, so a typo never passes silently.
public enum UnknownKeys {
    /// A key that accepts any name: lists every key a mapping really has.
    public struct AnyKey: CodingKey, Sendable {
        public var stringValue: String
        public var intValue: Int?
        public init(_ key: String) { stringValue = key }
        public init(_ index: Int) {
            stringValue = String(index)
            intValue = index
        }
        public init?(stringValue: String) { self.stringValue = stringValue }
        public init?(intValue: Int) { self.init(intValue) }
    }

    /// The first key of the mapping `decoder` reads that `Keys` does not name, with the problem text
    /// (`unknown field "x" (known here: a, b)`); nil when there is none or the value is not a mapping.
    public static func first<Keys: CodingKey & CaseIterable>(
        in decoder: any Decoder, _: Keys.Type
    ) -> (key: AnyKey, problem: String)? {
        guard let all = try? decoder.container(keyedBy: AnyKey.self) else { return nil }
        let known = Set(Keys.allCases.map(\.stringValue))
        guard let key = all.allKeys.first(where: { !known.contains($0.stringValue) }) else { return nil }
        return (key, "unknown field \"\(key.stringValue)\" (known here: \(known.sorted().joined(separator: ", ")))")
    }
}
