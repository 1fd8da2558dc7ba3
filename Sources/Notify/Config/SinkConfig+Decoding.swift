import Foundation
import Redaction

extension SinkConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, type, url, headers, matchers, timeout
        case urlFile = "url_file"
        case bearerToken = "bearer_token"
        case bearerTokenFile = "bearer_token_file"
        case basicAuth = "basic_auth"
        case sendResolved = "send_resolved"
        case renotifyInterval = "renotify_interval"
        case maxConcurrency = "max_concurrency"
        case templateFile = "template_file"
        case templates
    }

    enum BasicAuthKeys: String, CodingKey, CaseIterable {
        case username, password
        case passwordFile = "password_file"
    }

    enum TemplateKeys: String, CodingKey, CaseIterable {
        case title, text
        case titleFile = "title_file"
        case textFile = "text_file"
    }

    /// Where relative `*_file` paths resolve: set it to the configuration file's folder while decoding
    /// (as Alertmanager resolves them). Default: the working directory.
    @TaskLocal public static var baseDirectory: String = FileManager.default.currentDirectoryPath

    public init(from decoder: any Decoder) throws {
        try SinkDecoding.rejectUnknownKeys(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let path = c.codingPath

        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        guard !name.isEmpty, name.count <= 64,
              name.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }) else {
            throw SinkDecoding.invalid(path + [CodingKeys.name], "a name of 1 to 64 letters, digits, '-', '_' or '.' is required")
        }
        let typeText = try c.decodeIfPresent(String.self, forKey: .type)
        guard let typeText, let kind = Kind(rawValue: typeText) else {
            let choices = Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw SinkDecoding.invalid(path + [CodingKeys.type], typeText.map { "\"\($0)\" is not one of \(choices)" } ?? "required: one of \(choices)")
        }
        type = kind

        guard let url = try SinkDecoding.secret(c, value: .url, file: .urlFile) else {
            throw SinkDecoding.invalid(path + [CodingKeys.url], "set url or url_file")
        }
        // The URL is a credential: the message says what is wrong without repeating it.
        guard let components = URLComponents(string: url.value), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else {
            throw SinkDecoding.invalid(path + [CodingKeys.url], "must be an absolute http:// or https:// URL (value not shown: it may be a credential)")
        }
        self.url = url

        bearerToken = try SinkDecoding.secret(c, value: .bearerToken, file: .bearerTokenFile)
        basicAuth = try Self.decodeBasicAuth(c)
        if bearerToken != nil && basicAuth != nil {
            throw SinkDecoding.invalid(path + [CodingKeys.basicAuth], "set bearer_token or basic_auth, not both")
        }
        headers = try Self.decodeHeaders(c, hasAuth: bearerToken != nil || basicAuth != nil)

        sendResolved = try c.decodeIfPresent(Bool.self, forKey: .sendResolved) ?? true
        if kind == .alertmanager && !sendResolved {
            // Its alerts would stay firing in Alertmanager until their keep-alive ran out.
            throw SinkDecoding.invalid(path + [CodingKeys.sendResolved],
                                       "an alertmanager sink always ends its alerts when the incident resolves; remove send_resolved: false")
        }
        renotifyInterval = try SinkDecoding.duration(c, .renotifyInterval, minimum: .seconds(60)) ?? Self.defaultRenotifyInterval
        timeout = try SinkDecoding.duration(c, .timeout, minimum: .milliseconds(100), maximum: .seconds(300)) ?? Self.defaultTimeout
        maxConcurrency = try c.decodeIfPresent(Int.self, forKey: .maxConcurrency) ?? Self.defaultMaxConcurrency
        guard (1...64).contains(maxConcurrency) else {
            throw SinkDecoding.invalid(path + [CodingKeys.maxConcurrency], "must be between 1 and 64")
        }

        var matchers: [Matcher] = []
        let texts = try c.decodeIfPresent([String].self, forKey: .matchers) ?? []
        for (index, text) in texts.enumerated() {
            do {
                matchers += try Matcher.parseList(text)
            } catch {
                throw SinkDecoding.invalid(path + [CodingKeys.matchers, SinkDecoding.Index(index)], error.problem)
            }
        }
        self.matchers = matchers
        templates = try Self.decodeTemplates(c, kind: kind)
    }

    private static func decodeBasicAuth(_ c: KeyedDecodingContainer<CodingKeys>) throws -> BasicAuth? {
        guard c.contains(.basicAuth) else { return nil }
        let nested = try c.superDecoder(forKey: .basicAuth)
        try SinkDecoding.rejectUnknownKeys(nested, BasicAuthKeys.self)
        let b = try nested.container(keyedBy: BasicAuthKeys.self)
        guard let username = try b.decodeIfPresent(String.self, forKey: .username), !username.isEmpty else {
            throw SinkDecoding.invalid(b.codingPath + [BasicAuthKeys.username], "a username is required")
        }
        guard let password = try SinkDecoding.secret(b, value: .password, file: .passwordFile) else {
            throw SinkDecoding.invalid(b.codingPath + [BasicAuthKeys.password], "set password or password_file")
        }
        return BasicAuth(username: username, password: password)
    }

    /// Header names HTTP or PullDoctor sets itself.
    static let reservedHeaders: Set<String> = ["content-type", "content-length", "host", "transfer-encoding", "idempotency-key"]

    private static func decodeHeaders(_ c: KeyedDecodingContainer<CodingKeys>, hasAuth: Bool) throws -> [Header] {
        let raw = try c.decodeIfPresent([String: Secret].self, forKey: .headers) ?? [:]
        var out: [Header] = []
        for (name, value) in raw.sorted(by: { $0.key < $1.key }) {
            let at = c.codingPath + [CodingKeys.headers, SinkDecoding.Index(name)]
            let token = CharacterSet(charactersIn: "!#$%&'*+-.^_`|~").union(.alphanumerics)
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && token.contains($0) }) else {
                throw SinkDecoding.invalid(at, "\"\(name)\" is not a valid header name")
            }
            let lowered = name.lowercased()
            if reservedHeaders.contains(lowered) {
                throw SinkDecoding.invalid(at, "\(name) is set by PullDoctor and cannot be configured")
            }
            if lowered == "authorization" && hasAuth {
                throw SinkDecoding.invalid(at, "Authorization conflicts with bearer_token or basic_auth: set one of them")
            }
            if SinkEndpoint.hasControlCharacter(value.value) {
                throw SinkDecoding.invalid(at, "the value holds a line break or another control character")
            }
            out.append(Header(name: name, value: value))
        }
        return out
    }

    private static func decodeTemplates(_ c: KeyedDecodingContainer<CodingKeys>, kind: Kind) throws -> MessageTemplates? {
        let fileText = try SinkDecoding.text(c, file: .templateFile)
        var title: String?
        var text = fileText
        if c.contains(.templates) {
            let nested = try c.superDecoder(forKey: .templates)
            try SinkDecoding.rejectUnknownKeys(nested, TemplateKeys.self)
            let t = try nested.container(keyedBy: TemplateKeys.self)
            title = try SinkDecoding.inlineOrFile(t, value: .title, file: .titleFile)
            if let inlineText = try SinkDecoding.inlineOrFile(t, value: .text, file: .textFile) {
                guard fileText == nil else {
                    throw SinkDecoding.invalid(c.codingPath + [CodingKeys.templateFile], "set template_file or templates.text, not both")
                }
                text = inlineText
            }
        }
        guard title != nil || text != nil else { return nil }
        let defaults: MessageTemplates
        let textFormat: MessageTemplate.Format
        switch kind {
        case .slack: (defaults, textFormat) = (.slackDefaults(), .slackMrkdwn)
        case .msteams: (defaults, textFormat) = (.teamsDefaults(), .plain)
        case .webhook, .alertmanager:
            throw SinkDecoding.invalid(c.codingPath + [CodingKeys.templates],
                                       "templates apply to slack and msteams sinks; \(kind.rawValue) sends the diagnosis as structured fields")
        }
        var templates = defaults
        do {
            if let title { templates.title = try MessageTemplate(title, format: .plain) }
        } catch {
            throw SinkDecoding.invalid(c.codingPath + [CodingKeys.templates, TemplateKeys.title], error.description)
        }
        do {
            if let text { templates.text = try MessageTemplate(text, format: textFormat) }
        } catch {
            throw SinkDecoding.invalid(c.codingPath + [fileText != nil ? CodingKeys.templateFile : CodingKeys.templates], error.description)
        }
        return templates
    }
}
