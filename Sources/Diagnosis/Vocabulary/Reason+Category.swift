extension Reason {
    /// The category this reason refines. Every reason has exactly one.
    public var category: Category {
        switch self {
        case .noPullSecret, .pullSecretMissing, .pullSecretWrongRegistry, .pullSecretMalformed, .authRequired,
             .credentialsRejected, .forbidden, .anonymousForbidden, .tokenExpired, .tokenScopeMismatch:
            .registryAuth
        case .tagNotFound, .digestNotFound, .repositoryNotFound, .manifestUnknown:
            .imageNotFound
        case .pullAccessDenied, .insufficientScopeAmbiguous, .unauthorizedAmbiguous, .accessDeniedAmbiguous,
             .anonymousTokenDeniedAmbiguous, .permissionDeniedOrMissing:
            .authOrNotFound
        case .dns, .connectionRefused, .connectionReset, .noRouteToHost, .timeout, .proxy, .eof, .contextCanceled,
             .pullProgressTimeout, .registryUnavailable:
            .network
        case .unknownAuthority, .nameMismatch, .expiredCertificate, .httpOnHTTPS, .clientCertificateRequired,
             .handshakeFailed:
            .tls
        case .registryRateLimit, .kubeletPullQPS:
            .rateLimited
        case .invalidFormat, .schemeInReference, .uppercaseInReference, .invisibleCharacters, .shortNameAmbiguous,
             .unqualifiedNoSearchRegistries:
            .invalidReference
        case .noMatchingPlatform:
            .platformMismatch
        case .nodeDiskPressure, .noSpaceLeft:
            .diskPressure
        case .neverPullNotPresent:
            .neverPull
        case .signaturePolicy, .admissionDenied:
            .policyRejected
        case .serverError, .badRequest, .preconditionFailed, .blobNotFound, .unsupportedManifest,
             .unexpectedMediaType, .htmlErrorPage, .registryUnknownError:
            .registryError
        case .noCauseInMessage, .snapshotterError, .ioError, .criUnimplemented, .unrecognized:
            .unknown
        }
    }

    /// Every reason that refines `category`, in declaration order.
    public static func reasons(in category: Category) -> [Reason] {
        allCases.filter { $0.category == category }
    }
}
