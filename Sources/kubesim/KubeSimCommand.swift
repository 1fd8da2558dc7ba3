import ArgumentParser
import Foundation
import KubeSim
import Logging

/// `kubesim --fixtures DIR --listen 127.0.0.1:PORT [--set NAME=VALUE ...]`: serves a fixture directory as a
/// Kubernetes API server over plain HTTP until SIGTERM or SIGINT.
@main
struct KubeSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubesim",
        abstract: "Serve Kubernetes YAML fixtures as a read-only Kubernetes API server.",
        discussion: """
            The first line on stdout is "listening on HOST:PORT" (useful with port 0). Logs go to stderr.
            A kubeconfig with "server: http://HOST:PORT" reaches it; kubectl get and describe work.
            """)

    @Option(help: "Directory of *.yaml fixtures (plus optional kubesim.yaml).")
    var fixtures: String

    @Option(help: "Address to listen on, HOST:PORT; port 0 picks a free port.")
    var listen: String = "127.0.0.1:0"

    @Option(name: .customLong("set"), help: "Placeholder value for ${NAME} in fixtures, NAME=VALUE (repeatable).")
    var values: [String] = []

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func run() async throws {
        guard let address = ListenAddress(listen) else {
            throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:0 or [::1]:8001")
        }
        var placeholders: [String: String] = [:]
        for pair in values {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("--set takes NAME=VALUE, got \(pair)")
            }
            placeholders[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "kubesim")
        // A fixture error is thrown as is: ArgumentParser prints its description and exits 1, no usage text.
        let server = try KubeSimServer.load(fixtures: fixtures, values: placeholders, logger: logger)
        let counts = server.api.store.counts.map { "\($0.resource)=\($0.count)" }.joined(separator: " ")
        try await server.run(host: address.host, port: address.port) { port in
            let bound = ListenAddress("\(address.host.contains(":") ? "[\(address.host)]" : address.host):\(port)")
            // Scripts read this first line to learn the port; write it unbuffered so they see it at once.
            FileHandle.standardOutput.write(Data("listening on \(bound?.description ?? "\(address.host):\(port)")\n".utf8))
            logger.info("serving fixtures", metadata: ["kubesim.fixtures": "\(fixtures)", "kubesim.objects": "\(counts)"])
        }
    }
}
