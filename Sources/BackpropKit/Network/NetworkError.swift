/// Why a network description cannot be used, naming the layer, neuron or JSON path at fault.
public enum NetworkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The description is inconsistent; `path` locates the problem (a flag or a JSON path).
    case invalid(path: String, reason: String)
    /// The forward or backward pass has no finite value, for example log(0) in a cross-entropy.
    case notComputable(reason: String)

    /// The problem as one plain phrase, after the JSON path when there is one.
    public var description: String {
        switch self {
        case .invalid(let path, let reason): return "\(path): \(reason)"
        case .notComputable(let reason): return reason
        }
    }
}
