import CurlClient
import Foundation

/// Turning failed exchanges into errors an operator can act on.
extension KubeError {
    /// The error for a non-2xx response: the server's `Status` decoded, and a message that says what to do.
    static func from(response: HTTPResponse, target: KubeRequestTarget, server: String, credentials: String) -> KubeError {
        let status = try? JSONDecoder().decode(KubeStatus.self, from: Data(response.body))
        let serverSays = status?.message.map { "the API server said: \($0)" }
            ?? "the API server answered \(response.status) \(Self.excerpt(response.text))"
        let reason = Reason(httpStatus: response.status)
        var rbac: RBACHint?
        let message: String
        switch reason {
        case .notFound:
            let what = target.name.map { "\(target.resource.qualifiedName) \"\($0)\"" } ?? target.resource.qualifiedName
            let place = target.namespace.map { " in namespace \"\($0)\"" } ?? ""
            message = "\(what) was not found\(place) (\(serverSays)). Check the name and namespace; "
                + "the object may have been deleted or replaced (pods are recreated on every rollout)."
        case .forbidden:
            let hint = RBACHint(
                verb: target.verb, resource: target.resource,
                namespace: target.resource.namespaced ? target.namespace : nil,
                user: status?.message.flatMap(RBACHint.user(inForbiddenMessage:)))
            rbac = hint
            let who = hint.user.map { "\"\($0)\"" } ?? "PullDoctor's identity"
            let scope = hint.namespace.map { "in namespace \"\($0)\"" } ?? "cluster-wide"
            message = "\(who) may not \(target.verb) \(target.resource.qualifiedName) \(scope) (\(serverSays)). \(hint.advice)"
        case .unauthorized:
            message = "the API server at \(server) rejected the credentials (\(credentials)): \(serverSays). "
                + "The token may have expired or been revoked, or the client certificate is not trusted by this cluster."
        case .tooManyRequests:
            message = "the API server is throttling requests (\(serverSays)); PullDoctor will try again later."
        case .expired:
            message = "the list's continue token expired (\(serverSays)); the list must be started again."
        case .badRequest:
            message = "the API server refused the request as malformed (\(serverSays))."
        case .serverError:
            message = "the API server failed to answer \(target) (\(serverSays))."
        default:
            message = "unexpected HTTP \(response.status) for \(target) (\(serverSays))."
        }
        var error = KubeError(reason, message, request: target)
        error.httpStatus = response.status
        error.status = status
        error.rbac = rbac
        error.retryAfterSeconds = status?.details?.retryAfterSeconds ?? response.header("Retry-After").flatMap { Int($0) }
        return error
    }

    /// The error for a request that got no response.
    static func from(transport: TransportError, target: KubeRequestTarget, server: String) -> KubeError {
        let advice: String
        switch transport.kind {
        case .dns: advice = "the API server's host name does not resolve; check `server:` in the kubeconfig"
        case .connectionRefused: advice = "nothing listens at the API server's address; check `server:` and that the cluster is up"
        case .connectTimeout, .timeout: advice = "the API server did not answer within the request deadline"
        case .tlsUnknownAuthority:
            advice = "the API server's certificate is not signed by the configured CA; set certificate-authority(-data) for this cluster"
        case .tlsNameMismatch: advice = "the API server's certificate does not name this host; check `server:` (or tls-server-name)"
        case .tlsExpired: advice = "the API server's certificate has expired or is not yet valid"
        case .tlsOther: advice = "the TLS handshake failed (a client certificate may be missing or rejected)"
        case .httpOnHTTPS: advice = "the server speaks plain HTTP; use an http:// server URL"
        case .proxy: advice = "the proxy could not be reached or refused the connection; check proxy-url and HTTPS_PROXY"
        default: advice = "the request got no HTTP response"
        }
        var error = KubeError(.transport(transport.kind), "\(target) at \(server) failed: \(advice) (\(transport.detail)).", request: target)
        error.transportError = transport
        return error
    }

    /// The error for a 2xx body that is not the expected object.
    static func decoding(_ error: any Error, body: [UInt8], target: KubeRequestTarget) -> KubeError {
        let location: String
        if case .some(let decodingError) = error as? DecodingError {
            location = Self.describe(decodingError)
        } else {
            location = "\(error)"
        }
        return KubeError(.decoding, "the answer to \(target) is not a \(target.resource.kind) object: \(location); body starts \(excerpt(String(decoding: body, as: UTF8.self)))", request: target)
    }

    /// The first 200 characters of a body, on one line.
    static func excerpt(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        return flat.count > 200 ? "\"\(flat.prefix(200))...\"" : "\"\(flat)\""
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "at the top level" : "at \(keys)"
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) \(path(context))"
        case .keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" \(path(context))"
        @unknown default:
            return "\(error)"
        }
    }
}
