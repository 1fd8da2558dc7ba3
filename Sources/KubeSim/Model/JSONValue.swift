/// A JSON tree as the API server stores and serves it.
///
/// Kubernetes objects are kept as loaded from the fixtures, unknown fields included: kubesim models only the
/// few fields it reads (metadata, selectors, table columns, metrics) and serves everything else untouched.
/// Objects keep their key order, so a fixture written as `apiVersion, kind, metadata, spec, status` is served
/// the same way, and `Status` bodies come out in the order the real API server writes them.
public enum JSONValue: Sendable, Equatable {
    /// `null`, also what an empty YAML value (`key:`) reads as.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without fraction.
    case int(Int)
    /// A number with a fraction or exponent.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, members in order.
    case object(JSONObject)

    /// The member `key` of an object, or `nil` for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let object) = self else { return nil }
            return object[key]
        }
        set {
            guard case .object(var object) = self else { return }
            object[key] = newValue
            self = .object(object)
        }
    }

    /// The value at a dotted path such as `status.phase` or `involvedObject.name`.
    public func value(atPath path: String) -> JSONValue? {
        var current: JSONValue? = self
        for component in path.split(separator: ".") {
            current = current?[String(component)]
        }
        return current
    }

    /// The string payload, or `nil` when this is not a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer payload; doubles with no fractional part count too (YAML `3.0`).
    public var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 9.0e15: return Int(value)
        default: return nil
        }
    }

    /// The boolean payload, or `nil` when this is not a boolean.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements of an array, or an empty array for anything else (absent lists read as empty).
    public var arrayValue: [JSONValue] {
        if case .array(let values) = self { return values }
        return []
    }

    /// The object payload, or `nil` when this is not an object.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The value as a field selector compares it: strings as they are, numbers and booleans in their JSON
    /// spelling, and a missing or null field as the empty string (so `spec.nodeName=` finds unscheduled pods).
    public var selectorText: String {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return JSONWriter.format(value)
        case .string(let value): return value
        case .array, .object: return ""
        }
    }
}

/// An ordered JSON object: member lookup by key, iteration in insertion order.
public struct JSONObject: Sendable, Equatable {
    /// The members in the order they were added.
    public private(set) var members: [(key: String, value: JSONValue)]

    /// An object with the given members, in order; a repeated key keeps its last value.
    public init(_ members: [(String, JSONValue)] = []) {
        self.members = []
        for (key, value) in members { self[key] = value }
    }

    /// The member `key`; assigning `nil` removes it, assigning a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get { members.first(where: { $0.key == key })?.value }
        set {
            let index = members.firstIndex(where: { $0.key == key })
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// The keys in insertion order.
    public var keys: [String] { members.map(\.key) }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
    public init(nilLiteral: ()) { self = .null }
}
