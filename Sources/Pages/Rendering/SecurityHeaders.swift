import Hummingbird

/// The headers every response of the pages carries.
///
/// The policy allows only this origin's stylesheet and script and nothing inline: should a value from the
/// cluster or an alert ever slip past the template's escaping, the browser still refuses to run it.
enum SecurityHeaders {
    /// The `Content-Security-Policy` value.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors 'none'"

    /// Sets the security headers, replacing any value already there.
    static func apply(to headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        // Diagnosis URLs name namespaces and images, which should not leak to other sites. (The name is
        // spelled through the subscript's type: Hummingbird re-exports HTTPFields, not HTTPField.)
        headers[.init("Referrer-Policy")!] = "no-referrer"
    }
}
