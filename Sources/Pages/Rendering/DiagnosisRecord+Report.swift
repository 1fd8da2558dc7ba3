import Diagnosis
import Foundation
import Store

extension DiagnosisRecord {
    /// The stored body decoded as the diagnosis report, or why it could not be (a report written by
    /// another version of PullDoctor, or damaged). The reason is short and names only a key path.
    func decodedReport() -> (report: DiagnosisReport?, problem: String?) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return (try decoder.decode(DiagnosisReport.self, from: body), nil)
        } catch let error as DecodingError {
            return (nil, Self.describe(error))
        } catch {
            return (nil, "it is not a diagnosis report")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.isEmpty ? "the top level" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "" : " in " + path(context)
            return "the key \(key.stringValue) is missing\(parent)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)) has an unexpected type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not valid JSON" : "\(path(context)) has an unknown value"
        @unknown default:
            return "it is not a diagnosis report"
        }
    }
}
