import Foundation

/// Reads a docker configuration document into entries, with the kubelet's rules
/// (kubernetes pkg/credentialprovider/config.go): `auth` is base64 of `username:password` and
/// wins over the separate fields; unknown fields are ignored; a value of the wrong JSON type
/// makes the whole document unreadable.
struct PullSecretParser {
    let secretName: String
    let type: PullSecretType

    struct Parsed {
        var entries: [PullSecretEntry] = []
        var problems: [PullSecretError] = []
    }

    /// The credential fields a docker config entry may carry (docker/cli `types.AuthConfig`).
    private static let stringFields = ["auth", "username", "password", "email", "identitytoken", "registrytoken"]

    func parse(_ config: Data) throws(PullSecretError) -> Parsed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: config, options: [.fragmentsAllowed])
        } catch {
            // The decoder's own text may quote the document, i.e. credentials: never pass it on.
            throw fail(.notJSON, "the decoded \(type.dataKey) is not JSON; it must be a JSON object "
                + "(create it with kubectl create secret docker-registry)")
        }
        guard let top = object as? [String: Any] else {
            throw fail(.wrongType, "\(type.dataKey) must be a JSON object, not \(Self.jsonKind(object))")
        }
        var parsed = Parsed()
        for key in try registryMap(top).sorted(by: { $0.key < $1.key }) {
            let entry = try parseEntry(key: key.key, value: key.value)
            if entry.credentials.kind == .none {
                parsed.problems.append(fail(.emptyEntry, entry: key.key,
                    "the entry has no auth, username/password or token, so the kubelet pulls anonymously"))
            }
            parsed.entries.append(entry)
        }
        return parsed
    }

    /// The object mapping registry keys to entries.
    private func registryMap(_ top: [String: Any]) throws(PullSecretError) -> [String: Any] {
        switch type {
        case .dockerConfigJSON:
            guard let auths = top["auths"], !(auths is NSNull) else {
                throw fail(.noAuths, "\(type.dataKey) has no \"auths\" object; \(Self.missingAuthsHint(top))")
            }
            guard let map = auths as? [String: Any] else {
                throw fail(.wrongType, "\"auths\" must be an object keyed by registry, not \(Self.jsonKind(auths))")
            }
            return map
        case .dockercfg:
            if let nested = top["auths"] as? [String: Any], !nested.isEmpty,
               nested.values.allSatisfy({ $0 is [String: Any] }) {
                throw fail(.wrongFormatForType, ".dockercfg holds a .dockerconfigjson document ({\"auths\": ...}); "
                    + "the kubelet would read \"auths\" as a registry name; use type kubernetes.io/dockerconfigjson "
                    + "with key .dockerconfigjson")
            }
            return top
        }
    }

    private func parseEntry(key: String, value: Any) throws(PullSecretError) -> PullSecretEntry {
        let fields: [String: Any]
        if value is NSNull {
            fields = [:]
        } else if let object = value as? [String: Any] {
            fields = object
        } else {
            throw fail(.wrongType, entry: key, "the entry must be an object, not \(Self.jsonKind(value))")
        }
        var strings: [String: String] = [:]
        for field in Self.stringFields {
            switch fields[field] {
            case nil, is NSNull:
                continue
            case let text as String:
                strings[field] = text
            case let other?:
                throw fail(.wrongType, entry: key, "\"\(field)\" must be a string, not \(Self.jsonKind(other))")
            }
        }
        var username = strings["username"]
        var password = strings["password"]
        var source: RegistryCredentials.Source = (username ?? password) == nil ? .none : .usernamePassword
        if let auth = strings["auth"], !auth.isEmpty {
            (username, password) = try decodeAuth(auth, entry: key)
            source = .authField
        }
        let credentials = RegistryCredentials(
            username: username, password: password, identityToken: strings["identitytoken"],
            registryToken: strings["registrytoken"], source: source)
        return PullSecretEntry(secretName: secretName, key: PullSecretKey(key), credentials: credentials)
    }

    /// `base64(username:password)`; the password may itself contain ':'.
    private func decodeAuth(_ auth: String, entry: String) throws(PullSecretError) -> (String, String) {
        let compact = auth.filter { $0 != "\n" && $0 != "\r" }
        guard let bytes = Data(base64Encoded: compact) else {
            throw fail(.invalidAuthBase64, entry: entry,
                       "\"auth\" is not valid base64; it must be base64 of username:password (echo -n user:pass | base64)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else {
            throw fail(.authWithoutColon, entry: entry,
                       "\"auth\" decodes to text without ':'; it must be base64 of username:password, "
                       + "not of the password or token alone")
        }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    private func fail(_ reason: PullSecretError.Reason, entry: String? = nil, _ message: String) -> PullSecretError {
        PullSecretError(reason, secret: secretName, entry: entry, message: message)
    }

    /// What the document looks like instead. Only keys that look like registry hosts are named:
    /// a broken document may have anything as a key.
    private static func missingAuthsHint(_ top: [String: Any]) -> String {
        if top.isEmpty { return "the document is {}" }
        if !Set(top.keys).isDisjoint(with: stringFields) {
            return "it looks like a single entry without its registry; write {\"auths\": {\"<registry>\": {...}}}"
        }
        let hosts = top.keys.filter { $0.contains(".") || $0.contains(":") }.sorted().prefix(5)
        let named = hosts.isEmpty ? "" : " (\(hosts.joined(separator: ", ")))"
        return "its top-level keys\(named) look like the legacy .dockercfg layout; wrap them in "
            + "{\"auths\": {...}} or use type kubernetes.io/dockercfg"
    }

    /// The JSON type of a value, for messages (never the value itself).
    static func jsonKind(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "a string"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case is NSNumber: return "a number or boolean"
        default: return "an unexpected value"
        }
    }
}
