import Hummingbird

/// `GET /-/healthy`, `GET /-/ready`, `POST /-/reload`, as Prometheus and Alertmanager serve them.
struct LifecycleRoutes: Sendable {
    let state: ServerState

    func register(on router: Router<BasicRequestContext>) {
        router.get("/-/healthy") { _, _ in plain("PullDoctor is Healthy.\n") }
        router.head("/-/healthy") { _, _ in plain("") }
        // Ready once the server answers: the intake is started before the listener.
        router.get("/-/ready") { _, _ in plain("PullDoctor is Ready.\n") }
        router.head("/-/ready") { _, _ in plain("") }
        router.post("/-/reload") { request, _ in
            if let auth = state.config.web.auth,
               let failure = RequestAuthenticator(config: auth).check(request.headers) {
                return ErrorResponse.unauthorized(failure, basic: auth.basicAuth != nil)
            }
            guard state.configPath != nil else {
                return ErrorResponse.make(.badRequest, "no config file was given (--config.file); nothing to reload")
            }
            do {
                try state.reload()
                return plain("configuration reloaded\n")
            } catch {
                return ErrorResponse.make(.internalServerError, "failed to reload config: \(error)")
            }
        }
    }

    private func plain(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
