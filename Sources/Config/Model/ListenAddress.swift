/// A `host:port` listen address (`0.0.0.0:9095`, `127.0.0.1:0`, `[::1]:9095`, `:9095`).
public struct ListenAddress: Sendable, Equatable {
    /// Host or IP to bind; `0.0.0.0` when the address starts with `:`.
    public var host: String
    /// Port to bind; 0 picks a free one.
    public var port: Int

    /// Parses `text`; nil when it is not host:port with a port in 0...65535.
    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        guard let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.isEmpty { host = "0.0.0.0" }
        guard !host.contains(" ") else { return nil }
        self.host = host
        self.port = port
    }
}
