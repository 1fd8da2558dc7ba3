import Alerting
import Store

extension Alert {
    /// The alert as Alertmanager sent it, from its stored row.
    init(_ record: AlertRecord) {
        self.init(status: record.status == .firing ? .firing : .resolved, labels: record.labels,
                  annotations: record.annotations, startsAt: record.startsAt, endsAt: record.endsAt,
                  generatorURL: record.generatorURL, fingerprint: record.fingerprint)
    }
}
