import CCurl
import Foundation
import Synchronization

/// One request's easy handle and the response it collects. Built on the caller's task, then owned by
/// the loop thread until `finish` hands the result back.
final class CurlTransfer: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    let host: String
    let request: HTTPRequest
    /// Set by the caller's cancellation handler; read by the loop thread.
    let cancelled = Atomic<Bool>(false)
    /// Resumes the caller. Set before the transfer is queued.
    var onFinish: ((Result<HTTPResponse, TransportError>) -> Void)?

    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// curl writes its message here; a fixed allocation because curl keeps the pointer.
    private let errorBuffer: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        buffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        return buffer
    }()
    fileprivate var body: [UInt8] = []
    fileprivate var headers: [(name: String, value: String)] = []
    fileprivate var overLimit = false

    init(request: HTTPRequest) throws(TransportError) {
        self.request = request
        self.host = CurlTransfer.host(of: request.url)
        guard let handle = curl_easy_init() else {
            throw TransportError(kind: .other, detail: "curl_easy_init failed", host: host)
        }
        easy = handle
        try configure()
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Applies every request option. Option failures (a bad URL, an unsupported feature) are `.invalidRequest`.
    private func configure() throws(TransportError) {
        let r = request
        let unmanaged = Unmanaged.passUnretained(self).toOpaque()
        var failures: [String] = []
        func check(_ code: CURLcode, _ what: String) {
            if code != CURLE_OK { failures.append("\(what): \(String(cString: curl_easy_strerror(code)))") }
        }
        check(pd_easy_setopt_string(easy, CURLOPT_URL, r.url), "url")
        check(pd_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1), "nosignal")
        check(pd_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, r.connectTimeout.milliseconds), "connect timeout")
        check(pd_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, r.timeout.milliseconds), "timeout")
        check(pd_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""), "accept-encoding")
        check(pd_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"), "protocols")
        check(pd_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"), "redirect protocols")
        check(pd_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer), "error buffer")
        check(pd_easy_setopt_pointer(easy, CURLOPT_PRIVATE, unmanaged), "private")
        check(pd_easy_setopt_write_function(easy, CURLOPT_WRITEFUNCTION, curlWriteBody), "write function")
        check(pd_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, unmanaged), "write data")
        check(pd_easy_setopt_write_function(easy, CURLOPT_HEADERFUNCTION, curlWriteHeader), "header function")
        check(pd_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, unmanaged), "header data")
        if r.followRedirects {
            check(pd_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 1), "follow")
            check(pd_easy_setopt_long(easy, CURLOPT_MAXREDIRS, 5), "max redirects")
        }

        switch r.method.uppercased() {
        case "GET": check(pd_easy_setopt_long(easy, CURLOPT_HTTPGET, 1), "method")
        case "HEAD": check(pd_easy_setopt_long(easy, CURLOPT_NOBODY, 1), "method")
        default: check(pd_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, r.method.uppercased()), "method")
        }
        if let payload = r.body {
            check(pd_easy_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(payload.count)), "body size")
            var copy = payload
            check(copy.withUnsafeMutableBytes { pd_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }, "body")
        }

        var headerLines = r.headers.map { "\($0.name): \($0.value)" }
        // No "Expect: 100-continue" round trip for bodies: our servers never reject on headers alone.
        headerLines.append("Expect:")
        if let token = r.bearerToken {
            headerLines.append("Authorization: Bearer \(token.value)")
        } else if let basic = r.basicAuth {
            let pair = Data("\(basic.username):\(basic.password.value)".utf8).base64EncodedString()
            headerLines.append("Authorization: Basic \(pair)")
        }
        for line in headerLines {
            headerList = curl_slist_append(headerList, line)
        }
        check(pd_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList), "headers")

        configureTLS(r.tls, check: check)
        switch r.proxy {
        case .environment:
            break  // curl reads http_proxy, HTTPS_PROXY and NO_PROXY itself.
        case .none:
            check(pd_easy_setopt_string(easy, CURLOPT_PROXY, ""), "proxy")
        case .url(let url, let noProxy):
            check(pd_easy_setopt_string(easy, CURLOPT_PROXY, url), "proxy")
            if let noProxy { check(pd_easy_setopt_string(easy, CURLOPT_NOPROXY, noProxy), "no_proxy") }
        }
        if !failures.isEmpty {
            throw TransportError(kind: .invalidRequest, detail: failures.joined(separator: "; "), host: host)
        }
    }

    private func configureTLS(_ tls: TLSOptions, check: (CURLcode, String) -> Void) {
        if let file = tls.caFile { check(pd_easy_setopt_string(easy, CURLOPT_CAINFO, file), "ca file") }
        if let pem = tls.caPEM { check(setBlob(CURLOPT_CAINFO_BLOB, pem), "ca data") }
        if let file = tls.clientCertFile { check(pd_easy_setopt_string(easy, CURLOPT_SSLCERT, file), "client certificate file") }
        if let pem = tls.clientCertPEM { check(setBlob(CURLOPT_SSLCERT_BLOB, pem), "client certificate data") }
        if let file = tls.clientKeyFile { check(pd_easy_setopt_string(easy, CURLOPT_SSLKEY, file), "client key file") }
        if let pem = tls.clientKeyPEM { check(setBlob(CURLOPT_SSLKEY_BLOB, pem.value), "client key data") }
        if tls.insecureSkipVerify {
            check(pd_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 0), "verify peer")
            check(pd_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 0), "verify host")
        }
    }

    /// Blobs are copied by curl (CURL_BLOB_COPY), so the Swift buffer may go away afterwards.
    private func setBlob(_ option: CURLoption, _ text: String) -> CURLcode {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { pd_easy_setopt_blob(easy, option, $0.baseAddress, $0.count) }
    }

    /// Resumes the caller exactly once.
    func finish(_ result: Result<HTTPResponse, TransportError>) {
        let callback = onFinish
        onFinish = nil
        callback?(result)
    }

    /// Turns curl's result into a response or a typed transport error.
    func result(code: CURLcode) -> Result<HTTPResponse, TransportError> {
        if code == CURLE_OK {
            var status = 0
            _ = pd_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
            var effective: UnsafeMutablePointer<CChar>?
            _ = pd_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effective)
            return .success(HTTPResponse(
                status: status, headers: headers, body: body,
                effectiveURL: effective.map { String(cString: $0) } ?? request.url))
        }
        let detail = String(cString: errorBuffer)
        return .failure(classify(code: code, curlText: detail))
    }

    /// The host part of a URL, for error messages and per-host bookkeeping.
    static func host(of url: String) -> String {
        URLComponents(string: url)?.host ?? url
    }

    fileprivate func appendBody(_ pointer: UnsafeRawBufferPointer) -> Bool {
        if body.count + pointer.count > request.maxResponseBytes {
            overLimit = true
            return false
        }
        body.append(contentsOf: pointer)
        return true
    }

    fileprivate func appendHeaderLine(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            headers.removeAll()  // a new response (after a redirect or 100 Continue) starts
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        let name = String(trimmed[..<colon])
        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        headers.append((name: name, value: value))
    }
}

private let curlWriteBody: pd_write_callback = { pointer, size, count, context in
    guard let context, let pointer else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    // Returning less than `length` aborts the transfer with CURLE_WRITE_ERROR.
    return transfer.appendBody(UnsafeRawBufferPointer(start: pointer, count: length)) ? length : 0
}

private let curlWriteHeader: pd_write_callback = { pointer, size, count, context in
    guard let context, let pointer else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    let line = String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    transfer.appendHeaderLine(line)
    return length
}

extension Duration {
    /// Whole milliseconds, at least 1 so a zero never means "no limit" to curl.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}

extension CurlTransfer {
    var isOverLimit: Bool { overLimit }
}
