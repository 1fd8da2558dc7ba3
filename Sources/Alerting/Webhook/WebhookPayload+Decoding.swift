#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decoding with validation: every failure names its field path (`alerts[2].startsAt`).
extension WebhookPayload: Decodable {
    enum CodingKeys: String, CodingKey {
        case version, groupKey, truncatedAlerts, status, receiver, groupLabels, commonLabels, commonAnnotations
        case externalURL, alerts
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let version = try c.decodeIfPresent(String.self, forKey: .version) else {
            throw WebhookDecodingError.missing(c.codingPath + [CodingKeys.version])
        }
        guard version == "4" else {
            throw WebhookDecodingError.invalid(
                c.codingPath + [CodingKeys.version],
                "unsupported payload version \"\(version)\"; PullDoctor accepts Alertmanager's version \"4\"")
        }
        self.version = version
        groupKey = try c.decodeIfPresent(String.self, forKey: .groupKey) ?? ""
        truncatedAlerts = try c.decodeIfPresent(Int.self, forKey: .truncatedAlerts) ?? 0
        if truncatedAlerts < 0 {
            throw WebhookDecodingError.invalid(c.codingPath + [CodingKeys.truncatedAlerts], "must not be negative")
        }
        status = try c.decodeStatus(forKey: .status)
        receiver = try c.decodeIfPresent(String.self, forKey: .receiver) ?? ""
        groupLabels = try c.decodeIfPresent([String: String].self, forKey: .groupLabels) ?? [:]
        commonLabels = try c.decodeIfPresent([String: String].self, forKey: .commonLabels) ?? [:]
        commonAnnotations = try c.decodeIfPresent([String: String].self, forKey: .commonAnnotations) ?? [:]
        externalURL = try c.decodeIfPresent(String.self, forKey: .externalURL) ?? ""
        guard c.contains(.alerts) else { throw WebhookDecodingError.missing(c.codingPath + [CodingKeys.alerts]) }
        alerts = try c.decode([Alert].self, forKey: .alerts)
    }
}

extension Alert: Decodable {
    enum CodingKeys: String, CodingKey {
        case status, labels, annotations, startsAt, endsAt, generatorURL, fingerprint
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decodeStatus(forKey: .status)
        guard c.contains(.labels) else { throw WebhookDecodingError.missing(c.codingPath + [CodingKeys.labels]) }
        labels = try c.decode([String: String].self, forKey: .labels)
        if labels.isEmpty {
            throw WebhookDecodingError.invalid(c.codingPath + [CodingKeys.labels], "an alert needs at least one label")
        }
        annotations = try c.decodeIfPresent([String: String].self, forKey: .annotations) ?? [:]
        guard let starts = try c.decodeIfPresent(String.self, forKey: .startsAt) else {
            throw WebhookDecodingError.missing(c.codingPath + [CodingKeys.startsAt])
        }
        guard let startsAt = RFC3339.parse(starts) else {
            throw WebhookDecodingError.invalid(
                c.codingPath + [CodingKeys.startsAt], "\"\(starts.prefix(64))\" is not an RFC 3339 time")
        }
        self.startsAt = startsAt
        if let ends = try c.decodeIfPresent(String.self, forKey: .endsAt), !ends.isEmpty, ends != RFC3339.zeroTime {
            guard let endsAt = RFC3339.parse(ends) else {
                throw WebhookDecodingError.invalid(
                    c.codingPath + [CodingKeys.endsAt], "\"\(ends.prefix(64))\" is not an RFC 3339 time")
            }
            // Go's zero time (year 1) means "not ended"; Foundation parses it a little off, so compare loosely.
            self.endsAt = endsAt.timeIntervalSince1970 < 0 ? nil : endsAt
        } else {
            endsAt = nil
        }
        generatorURL = try c.decodeIfPresent(String.self, forKey: .generatorURL) ?? ""
        fingerprint = try c.decodeIfPresent(String.self, forKey: .fingerprint) ?? ""
        if fingerprint.isEmpty { fingerprint = LabelFingerprint.of(labels) }
    }
}

extension KeyedDecodingContainer {
    fileprivate func decodeStatus(forKey key: Key) throws -> AlertStatus {
        guard let raw = try decodeIfPresent(String.self, forKey: key) else {
            throw WebhookDecodingError.missing(codingPath + [key])
        }
        guard let status = AlertStatus(rawValue: raw) else {
            throw WebhookDecodingError.invalid(
                codingPath + [key], "\"\(raw.prefix(64))\" is not a status; expected \"firing\" or \"resolved\"")
        }
        return status
    }
}
