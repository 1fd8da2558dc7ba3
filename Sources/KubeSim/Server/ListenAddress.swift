/// A `--listen` value: `127.0.0.1:8001`, `[::1]:0`, `localhost:6443`.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// The host or address, without brackets.
    public let host: String
    /// The port; 0 lets the system choose.
    public let port: Int

    /// Parses `host:port`; `nil` without a port or with one outside 0...65535.
    public init?(_ text: String) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let port = Int(portText), (0...65535).contains(port) else { return nil }
        self.host = String(host)
        self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
